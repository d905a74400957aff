package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking for authentication and not getting it must stop the start, never run open. */
class NamesrvStartupAclTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int runWith(Path dir, String aclLine) throws Exception {
        Path conf = Files.writeString(dir.resolve("namesrv.properties"), "rocketmqHome=" + dir + "\nlistenPort=0\n"
            + "bindAddress=127.0.0.1\nkvConfigPath=" + dir.resolve("kv.json") + "\n" + aclLine + "\n");
        return NamesrvStartup.run(new String[] {"-c", conf.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void missingAclFileStopsTheStart(@TempDir Path dir) throws Exception {
        assertEquals(NamesrvStartup.EXIT_FAILURE, runWith(dir, "aclConfigPath=" + dir.resolve("absent.properties")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("absent.properties"), err.toString());
    }

    @Test
    void aclFileWithoutKeysStopsTheStart(@TempDir Path dir) throws Exception {
        Path acl = Files.writeString(dir.resolve("acl.properties"), "# nothing yet\n");
        assertEquals(NamesrvStartup.EXIT_FAILURE, runWith(dir, "aclConfigPath=" + acl));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no secretKey.<accessKey>=<secretKey> line"),
            err.toString());
    }
}
