package io.namesrv.namesrv.kvconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while a child JVM puts keys: afterwards the file must parse and hold
 * every key the child acknowledged. Apache's in-place overwrite fails this (a truncated file).
 */
class KVConfigCrashSafetyTest {

    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void killedWriterLeavesAValidFileWithEveryAcknowledgedKey() throws Exception {
        Path file = dir.resolve("namesrv/kvConfig.json");
        List<String> acknowledged = new ArrayList<>();
        Random random = new Random();
        for (int round = 0; round < ROUNDS; round++) {
            acknowledged.addAll(runAndKill(file, "r" + round, 50 + random.nextInt(250)));

            if (Files.exists(file)) {
                Map<?, ?> parsed = JSON.parseObject(Files.readString(file), Map.class);
                assertNotNull(parsed, "empty file after kill in round " + round);
                assertTrue(parsed.containsKey("configTable"), "round " + round);
            }
            KVConfigManager reloaded = new KVConfigManager(file);
            reloaded.load();
            Map<String, String> keys = reloaded.getKVListByNamespace("crash").orElse(Map.of());
            for (String key : acknowledged) {
                assertTrue(keys.containsKey(key), "acknowledged key lost after kill in round " + round + ": " + key);
            }
        }
        assertFalse(acknowledged.isEmpty(), "the child acknowledged nothing; the test proved nothing");
    }

    /** Starts the child, lets it write for {@code millis} after its first ACK, kills it, returns its ACKs. */
    private List<String> runAndKill(Path file, String prefix, int millis) throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-cp", childClasspath(),
            "-Dslf4j.provider=org.slf4j.helpers.NOP_SLF4JServiceProvider",
            KVConfigCrashChild.class.getName(), file.toString(), prefix)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        List<String> acks = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcks(child, acks, ready), "kv-crash-child-reader-" + prefix);
        reader.start();
        try {
            assertTrue(ready.await(30, TimeUnit.SECONDS), "child acknowledged no write");
            Thread.sleep(millis);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child did not die");
            reader.join(10_000);
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        return acks;
    }

    private static void readAcks(Process child, List<String> acks, CountDownLatch ready) {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acks.add(line.substring(4));
                    // Kill only once writes are flowing: on a loaded machine the first write (with its
                    // one-time setup) can take longer than the random delay.
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; what was read is what was acknowledged.
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire's java.class.path may be a booter jar; the pom names the real classpath. */
    private static String childClasspath() throws IOException {
        String listFile = System.getProperty("namesrv.test.classpath.file");
        if (listFile == null) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, System.getProperty("namesrv.main.classes"),
            System.getProperty("namesrv.test.classes"), Files.readString(Path.of(listFile)).trim());
    }
}
