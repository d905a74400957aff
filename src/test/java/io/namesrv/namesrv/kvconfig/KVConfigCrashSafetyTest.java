package io.namesrv.namesrv.kvconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import io.namesrv.interop.support.AckingChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
            acknowledged.addAll(AckingChild.runAndKill(KVConfigCrashChild.class, List.of(file.toString(), "r" + round),
                50 + random.nextInt(250)));

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
}
