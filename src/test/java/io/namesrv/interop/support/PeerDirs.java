package io.namesrv.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where child processes keep their files: {@code target/peers/<label>-<unique>/}, so logs stay
 * next to the build output for post-mortems, and nothing lands in the real home directory.
 */
public final class PeerDirs {

    private PeerDirs() {
    }

    /** A fresh, empty directory for one child process. */
    public static Path create(String label) {
        try {
            Path root = root();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, label + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code target/peers} when run by Maven, a temp folder otherwise. */
    static Path root() {
        String testClasses = System.getProperty(ChildClasspath.TEST_CLASSES);
        if (testClasses != null) {
            return Path.of(testClasses).toAbsolutePath().getParent().resolve("peers");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "namesrv-peers");
    }

    /** Deletes a tree, best effort: a leftover store file must not fail a test. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: the directory lives under target/ and goes with the next clean
        }
    }
}
