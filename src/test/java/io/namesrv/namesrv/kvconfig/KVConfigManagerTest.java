package io.namesrv.namesrv.kvconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.config.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KVConfigManagerTest {

    private static final String ORDER = "ORDER_TOPIC_CONFIG";

    @TempDir
    Path dir;

    private KVConfigManager loaded(Path file) throws IOException {
        KVConfigManager manager = new KVConfigManager(file);
        manager.load();
        return manager;
    }

    @Test
    void putGetDeleteAndList() throws IOException {
        KVConfigManager kv = loaded(dir.resolve("kvConfig.json"));
        assertEquals(Optional.empty(), kv.getKVListByNamespace(ORDER));

        kv.putKVConfig(ORDER, "TopicTest", "broker-a:4;broker-b:4");
        kv.putKVConfig(ORDER, "TopicOther", "broker-a:8");
        kv.putKVConfig(ORDER, "TopicOther", "broker-a:2");

        assertEquals(Optional.of("broker-a:4;broker-b:4"), kv.getKVConfig(ORDER, "TopicTest"));
        assertEquals(Optional.empty(), kv.getKVConfig(ORDER, "missing"));
        assertEquals(Optional.empty(), kv.getKVConfig("noNamespace", "TopicTest"));
        assertEquals(Optional.of(Map.of("TopicTest", "broker-a:4;broker-b:4", "TopicOther", "broker-a:2")),
            kv.getKVListByNamespace(ORDER));

        kv.deleteKVConfig(ORDER, "TopicTest");
        kv.deleteKVConfig(ORDER, "TopicOther");
        kv.deleteKVConfig("noNamespace", "x");
        assertEquals(Optional.empty(), kv.getKVConfig(ORDER, "TopicTest"));
        assertEquals(Optional.of(Map.of()), kv.getKVListByNamespace(ORDER), "the emptied namespace stays");
        assertEquals(Optional.empty(), kv.getKVListByNamespace("noNamespace"), "deleting does not create one");
    }

    @Test
    void listIsASnapshot() throws IOException {
        KVConfigManager kv = loaded(dir.resolve("kvConfig.json"));
        kv.putKVConfig("ns", "a", "1");
        Map<String, String> list = kv.getKVListByNamespace("ns").orElseThrow();
        kv.putKVConfig("ns", "b", "2");
        assertEquals(Map.of("a", "1"), list);
        assertThrows(UnsupportedOperationException.class, () -> list.put("c", "3"));
    }

    @Test
    void nullValueCreatesTheNamespaceButNoKey() throws IOException {
        Path file = dir.resolve("kvConfig.json");
        KVConfigManager kv = loaded(file);
        kv.putKVConfig("ns", "k", "v");
        kv.putKVConfig("ns", "k", null);
        kv.putKVConfig("other", "n", null);

        assertEquals(Optional.empty(), kv.getKVConfig("ns", "k"));
        assertEquals(Optional.of(Map.of()), kv.getKVListByNamespace("other"));
        assertEquals("{\"configTable\":{\"ns\":{},\"other\":{}}}", Files.readString(file));
        assertThrows(NullPointerException.class, () -> kv.putKVConfig(null, "k", "v"));
        assertThrows(NullPointerException.class, () -> kv.putKVConfig("ns", null, "v"));
    }

    @Test
    void everyChangeIsPersistedInApacheFormatAndReloads() throws IOException {
        Path file = dir.resolve("deep/dir/kvConfig.json");
        KVConfigManager kv = loaded(file);
        kv.putKVConfig(ORDER, "TopicTest", "broker-a:4");
        kv.putKVConfig("ns", "k", "v\"quoted\" ünïcode");
        assertEquals("{\"configTable\":{\"ORDER_TOPIC_CONFIG\":{\"TopicTest\":\"broker-a:4\"},"
            + "\"ns\":{\"k\":\"v\\\"quoted\\\" ünïcode\"}}}", Files.readString(file));

        kv.deleteKVConfig("ns", "k");
        KVConfigManager reloaded = loaded(file);
        assertEquals(Optional.of("broker-a:4"), reloaded.getKVConfig(ORDER, "TopicTest"));
        assertEquals(Optional.of(Map.of()), reloaded.getKVListByNamespace("ns"));
        assertFalse(Files.exists(AtomicFileWriter.tempOf(file)));
        assertTrue(Files.readString(AtomicFileWriter.backupOf(file)).contains("ünïcode"), "backup = previous state");
    }

    @Test
    void missingFilesMeanAnEmptyTable() throws IOException {
        KVConfigManager kv = loaded(dir.resolve("none/kvConfig.json"));
        assertEquals(Optional.empty(), kv.getKVListByNamespace(ORDER));
        assertFalse(Files.exists(dir.resolve("none")), "loading writes nothing");
    }

    @Test
    void aCorruptFileIsRecoveredFromTheBackup() throws IOException {
        Path file = dir.resolve("kvConfig.json");
        KVConfigManager kv = loaded(file);
        kv.putKVConfig("ns", "a", "1");
        kv.putKVConfig("ns", "b", "2");
        Files.writeString(file, "{\"configTable\":{\"ns\":{\"a\":\"1\",\"b");

        KVConfigManager recovered = loaded(file);
        assertEquals(Optional.of(Map.of("a", "1")), recovered.getKVListByNamespace("ns"));
    }

    @Test
    void anEmptyOrMissingMainFileIsRecoveredFromTheBackup() throws IOException {
        Path file = dir.resolve("kvConfig.json");
        Files.writeString(AtomicFileWriter.backupOf(file), "{\"configTable\":{\"ns\":{\"a\":\"1\"}}}");
        assertEquals(Optional.of("1"), loaded(file).getKVConfig("ns", "a"));

        Files.writeString(file, "");
        assertEquals(Optional.of("1"), loaded(file).getKVConfig("ns", "a"));
    }

    @Test
    void aCorruptFileWithoutAValidBackupFailsTheLoad() throws IOException {
        Path file = dir.resolve("kvConfig.json");
        Files.writeString(file, "{\"configTable\":");
        assertThrows(IOException.class, () -> loaded(file));

        Files.writeString(AtomicFileWriter.backupOf(file), "[1,2]");
        assertThrows(IOException.class, () -> loaded(file));
    }

    @Test
    void aFailedWriteIsReportedToTheCaller() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a directory should be");
        KVConfigManager kv = new KVConfigManager(blocker.resolve("kvConfig.json"));
        assertThrows(IOException.class, kv::load, "an unreadable path is not an empty table");
        assertThrows(IOException.class, () -> kv.putKVConfig("ns", "k", "v"));
        assertEquals(Optional.of("v"), kv.getKVConfig("ns", "k"), "kept in memory for the next write");
    }

    @Test
    void concurrentPutsAllSurviveInMemoryAndOnDisk() throws Exception {
        Path file = dir.resolve("kvConfig.json");
        KVConfigManager kv = loaded(file);
        int threads = 8;
        int perThread = 25;
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
            r -> new Thread(r, "kv-put-test-" + counter.incrementAndGet()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String ns = "ns" + (t % 3);
                int id = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        kv.putKVConfig(ns, "t" + id + "-" + i, Integer.toString(i));
                        kv.getKVListByNamespace(ns);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        KVConfigManager reloaded = loaded(file);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertEquals(Optional.of(Integer.toString(i)), kv.getKVConfig("ns" + (t % 3), "t" + t + "-" + i));
                assertEquals(Optional.of(Integer.toString(i)),
                    reloaded.getKVConfig("ns" + (t % 3), "t" + t + "-" + i));
            }
        }
    }

    @Test
    void printAllPeriodicallyReadsWithoutChanging() throws IOException {
        KVConfigManager kv = loaded(dir.resolve("kvConfig.json"));
        kv.putKVConfig("ns", "k", "v");
        kv.printAllPeriodically();
        assertEquals(Optional.of("v"), kv.getKVConfig("ns", "k"));
    }
}
