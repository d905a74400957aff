package io.namesrv.namesrv.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.AckingChild;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while a child JVM writes route snapshots one after another: after each
 * kill the snapshot restores, and holds at least everything the last acknowledged write held.
 */
class RouteSnapshotCrashTest {

    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesASnapshotWithEverythingAcknowledged() throws Exception {
        Path file = dir.resolve("namesrv/routeSnapshot.json");
        Random random = new Random();
        int restoredAfterKill = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<String> acked = AckingChild.runAndKill(RouteSnapshotCrashChild.class,
                List.of(file.toString(), "r" + round), 50 + random.nextInt(400));
            assertFalse(acked.isEmpty(), "the child acknowledged no write in round " + round);

            RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false));
            RestoreReport report = SnapshotRestore.restore(new RouteSnapshotStore(file), routes, System.currentTimeMillis());
            assertEquals("snapshot", report.source(), "round " + round + ": " + report.detail());
            String last = acked.get(acked.size() - 1);
            assertNotNull(routes.pickupTopicRouteData(last + "-t49"),
                "round " + round + ": the last acknowledged broker " + last + " is missing (" + report + ")");
            assertTrue(report.brokers() >= acked.size(), "round " + round + ": " + report.brokers() + " < " + acked.size());
            restoredAfterKill++;
        }
        assertEquals(ROUNDS, restoredAfterKill);
    }
}
