package io.namesrv.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.NameServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory figures mqbench prints, read from a real name server process: RSS from /proc and the
 * heap after a full collection through the two jcmd lines docs/performance.md gives (the same
 * commands ServerProbe runs), so a JDK whose jcmd output changes shape shows here, not as NaN in a
 * benchmark report.
 */
class ServerProbeTest {

    /** The two collectors bin/mqnamesrv picks (below and from 2 GiB of heap); Apache's start script uses G1. */
    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseSerialGC", "-XX:+UseG1GC"})
    void readsRssAndHeapAfterGcOfARunningServer(String collector) throws Exception {
        String performance = Files.readString(Path.of("docs/performance.md"));
        assertTrue(performance.contains("`jcmd <pid> " + ServerProbe.HEAP_INFO + "`"), "performance.md names " + ServerProbe.HEAP_INFO);
        assertTrue(performance.contains("`jcmd <pid> " + ServerProbe.FULL_GC + "`"), "performance.md names " + ServerProbe.FULL_GC);
        try (NameServerProcess server = NameServerProcess.ours(Map.of(), List.of(collector))) {
            ServerProbe.Memory memory = ServerProbe.measure(server.pid());
            assertTrue(memory.rssMiB() > 10 && memory.rssMiB() < 2048, "RSS " + memory);
            // the child runs with -Xmx256m: a live heap between a few MiB and that
            assertTrue(memory.heapAfterGcMiB() > 1 && memory.heapAfterGcMiB() < 256, "heap after GC " + memory);
        }
    }
}
