package io.namesrv.interop.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the complete lines a child has appended to its log file since the last call. */
final class LogTail {

    private final Path file;
    private long offset;

    LogTail(Path file) {
        this.file = file;
    }

    /** New complete lines; a line still being written is left for the next call. */
    List<String> newLines() {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return lines;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                    lines.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            offset += start;
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code count} lines of the whole file, for failure messages. */
    static String lastLines(Path file, int count) {
        try {
            if (!Files.exists(file)) {
                return "(no log yet)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
