package io.namesrv.namesrv.config;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash (even {@code kill -9} or power loss) at any moment leaves either
 * the old or the new content under the file's name, never a mix. Apache overwrites in place.
 *
 * <p>Steps: write {@code <file>.tmp} and fsync it; keep the current file as {@code <file>.bak}
 * (a hard link, so the file itself is never missing; a copy where links are not supported);
 * rename the temp file over the file atomically; fsync the directory so the rename is durable.
 * Callers must not write the same target from two threads at once (they share the temp name).
 * {@link #readBack} reads such a file, falling back on the {@code .bak} when the file is missing
 * or does not parse (a disk that lied about fsync, a hand edit gone wrong).
 */
public final class AtomicFileWriter {

    private static final int WRITE_BUFFER_BYTES = 64 * 1024;

    private AtomicFileWriter() {
    }

    public static Path tempOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".bak");
    }

    /** The {@code n}-th older backup: {@code <file>.bak} for 0, then {@code <file>.bak.1}, {@code .bak.2}... */
    public static Path backupOf(Path target, int n) {
        return n == 0 ? backupOf(target) : target.resolveSibling(target.getFileName() + ".bak." + n);
    }

    /** Writes {@code content} to {@code target} atomically, creating parent directories. */
    public static void write(Path target, byte[] content, boolean keepBackup) throws IOException {
        write(target, content, keepBackup ? 1 : 0);
    }

    /**
     * Like {@link #write(Path, byte[], boolean)}, keeping the last {@code backups} versions:
     * {@code .bak} the one just replaced, {@code .bak.1} the one before it, and so on.
     */
    public static void write(Path target, byte[] content, int backups) throws IOException {
        write(target, out -> out.write(content), backups);
    }

    /** Writes the content to a stream; the stream is buffered, and flushed and synced after. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Like {@link #write(Path, byte[], int)}, the content streamed into the temp file as
     * {@code content} produces it, so that a large file never has to be held in memory whole.
     */
    public static void write(Path target, Content content, int backups) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = tempOf(file);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            // Not closed here: closing the stream would close the channel before it is synced.
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), WRITE_BUFFER_BYTES);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
        if (backups > 0 && Files.exists(file)) {
            keepBackup(file, backups);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    private static void keepBackup(Path file, int backups) throws IOException {
        for (int n = backups - 1; n > 0; n--) {
            Path older = backupOf(file, n - 1);
            if (Files.exists(older)) {
                Files.move(older, backupOf(file, n), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path bak = backupOf(file);
        Files.deleteIfExists(bak);
        try {
            Files.createLink(bak, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // No hard links here (some network or FAT file systems): a copy does the same job.
            Files.copy(file, bak, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable. Some platforms cannot open a directory; they need no such sync. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory for sync; the rename itself has happened, keep going.
        }
    }

    /** Turns a file's bytes into a value; anything unusable is an {@link IOException} saying why. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(byte[] content) throws IOException;
    }

    /**
     * Reads a file in place (streamed, or in parts), for content too large to read whole; a missing
     * file is a {@link NoSuchFileException}, anything unusable an {@link IOException} saying why.
     */
    @FunctionalInterface
    public interface FileParser<T> {
        T parse(Path file) throws IOException;
    }

    /**
     * What {@link #readBack} found: the value, the file it came from, and when that is the backup,
     * why the file itself was not used.
     */
    public record ReadBack<T>(T value, Path source, IOException fileProblem) {
        public boolean fromBackup() {
            return fileProblem != null;
        }
    }

    /**
     * Reads {@code target} written by {@link #write}, or its {@code .bak} when the file is missing
     * or {@code parser} refuses it. Null when neither exists. When both exist and neither parses,
     * or only a bad file exists, throws the file's problem (the backup's is suppressed in it), so
     * that nothing that might still be recovered by hand is overwritten in silence.
     */
    public static <T> ReadBack<T> readBack(Path target, Parser<T> parser) throws IOException {
        return readBackFile(target, file -> parser.parse(Files.readAllBytes(file)));
    }

    /** {@link #readBack(Path, Parser)} for a parser that reads the file itself. */
    public static <T> ReadBack<T> readBackFile(Path target, FileParser<T> parser) throws IOException {
        Path backup = backupOf(target);
        IOException fileProblem;
        try {
            return new ReadBack<>(parser.parse(target), target, null);
        } catch (NoSuchFileException e) {
            if (!Files.exists(backup)) {
                return null;
            }
            fileProblem = e;
        } catch (IOException e) {
            fileProblem = e;
        }
        try {
            return new ReadBack<>(parser.parse(backup), backup, fileProblem);
        } catch (NoSuchFileException e) {
            throw fileProblem;
        } catch (IOException e) {
            fileProblem.addSuppressed(e);
            throw fileProblem;
        }
    }
}
