package io.namesrv.namesrv.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapWatchTest {

    private static final long MIB = 1024 * 1024;
    private final AtomicLong usedAfterGc = new AtomicLong();
    private final Health health = new Health();
    private final HeapWatch watch = new HeapWatch(health, List.of(pool("Tenured Gen", 480 * MIB)));

    /** A pool whose size after the last collection the test sets. */
    private MemoryPoolMXBean pool(String name, long max) {
        return (MemoryPoolMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MemoryPoolMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getName" -> name;
                case "getCollectionUsage" -> new MemoryUsage(0, usedAfterGc.get(), max, max);
                case "getUsage" -> new MemoryUsage(0, usedAfterGc.get(), max, max);
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    @Test
    void downWhileCollectionsLeaveTheOldGenerationNearlyFullUpOnceTheyFreeIt() {
        usedAfterGc.set(400 * MIB); // 83 %
        watch.check();
        assertTrue(health.status().up());

        usedAfterGc.set(440 * MIB); // 92 %
        watch.check();
        assertEquals("heap nearly exhausted: 440 MiB of 480 MiB of Tenured Gen still in use after a collection",
            health.status().reason());

        usedAfterGc.set(420 * MIB); // 87.5 %: below the alarm, above where it clears
        watch.check();
        assertTrue(!health.status().up(), "no flapping around the threshold");

        usedAfterGc.set(100 * MIB);
        watch.check();
        assertTrue(health.status().up());
    }
}
