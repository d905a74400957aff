package io.namesrv.namesrv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void createsParentsAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("a/b/c.json");
        AtomicFileWriter.write(target, bytes("one"), true);

        assertEquals("one", Files.readString(target));
        assertFalse(Files.exists(AtomicFileWriter.tempOf(target)));
        assertFalse(Files.exists(AtomicFileWriter.backupOf(target)), "no previous content, no backup");
    }

    @Test
    void keepsThePreviousContentAsBackup() throws IOException {
        Path target = dir.resolve("c.json");
        AtomicFileWriter.write(target, bytes("one"), true);
        AtomicFileWriter.write(target, bytes("two"), true);
        AtomicFileWriter.write(target, bytes("three"), true);

        assertEquals("three", Files.readString(target));
        assertEquals("two", Files.readString(AtomicFileWriter.backupOf(target)));
    }

    @Test
    void aStaleTempFileFromACrashIsOverwritten() throws IOException {
        Path target = dir.resolve("c.json");
        Files.writeString(AtomicFileWriter.tempOf(target), "garbage that is longer than the new content");
        AtomicFileWriter.write(target, bytes("new"), false);

        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(AtomicFileWriter.backupOf(target)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
