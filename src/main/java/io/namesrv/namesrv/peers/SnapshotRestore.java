package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.config.AtomicFileWriter;
import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.RouteImage;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the route table from the snapshot at start-up, before the port listens. Every broker comes
 * back <em>restored</em>: routed at once, alive for one timeout from now, dropped unless it
 * registers here again. A broker that was itself only provisional when the snapshot was taken
 * keeps the deadline it had, so restarts never extend the life of a broker nobody has heard from.
 */
final class SnapshotRestore {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");

    private SnapshotRestore() {
    }

    static RestoreReport restore(RouteSnapshotStore store, RouteInfoManager routes, long now) {
        long start = System.nanoTime();
        AtomicFileWriter.ReadBack<RouteSnapshotFile> read;
        try {
            read = store.read();
        } catch (IOException e) {
            String why = oneLine(e);
            LOG.warn("route snapshot {} not restored: {}", store.path(), why);
            return RestoreReport.none(now, millisSince(start), "snapshot not restored: " + why);
        }
        if (read == null) {
            LOG.info("no route snapshot at {}: starting without routes", store.path());
            return RestoreReport.none(now, millisSince(start), "no snapshot at " + store.path());
        }
        if (read.fromBackup()) {
            LOG.warn("route snapshot {} unusable ({}), restoring from {}", store.path(), oneLine(read.fileProblem()),
                read.source());
        }
        int members = 0;
        int groups = 0;
        int refused = 0;
        String firstDamage = null;
        long writtenAt = read.value().writtenAt();
        try (RouteSnapshotFile file = read.value()) {
            // Group by group: only one group's decoded form exists at a time, besides the table.
            for (int i = 0; i < file.groupCount(); i++) {
                RouteImage.Group group;
                try {
                    group = file.group(i);
                } catch (IOException e) {
                    refused++;
                    firstDamage = firstDamage == null ? oneLine(e) : firstDamage;
                    continue;
                }
                RouteImage image = rebased(new RouteImage(List.of(group)), now);
                if (image.groups().isEmpty()) {
                    continue;
                }
                RouteInfoManager.MergeOutcome outcome = routes.mergeProvisional(image, BrokerOrigin.RESTORED);
                members += outcome.membersTaken();
                refused += outcome.groupsRefused();
                groups++;
            }
        } catch (IOException e) {
            // Closing a file opened for reading: nothing was lost.
            LOG.debug("closing {}: {}", read.source(), e.toString());
        }
        long ageSeconds = Math.max(0, now - writtenAt) / 1000;
        long took = millisSince(start);
        LOG.info("route snapshot {} restored in {} ms: {} broker(s) in {} group(s), written {} s ago; served as restored"
            + " until they register here, for at most one heartbeat timeout", read.source(), took, members, groups,
            ageSeconds);
        if (refused > 0) {
            LOG.warn("route snapshot {}: {} broker group(s) not restored (malformed, or past a route limit){}",
                read.source(), refused, firstDamage == null ? "" : "; first: " + firstDamage);
        }
        return new RestoreReport("snapshot", members, groups, now, took,
            "from " + read.source() + ", written " + ageSeconds + " s before"
            + (refused > 0 ? "; " + refused + " group(s) refused" : ""));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * Members that had registered directly count from {@code now}; provisional ones keep their
     * time, and are left out if it has run out.
     */
    static RouteImage rebased(RouteImage image, long now) {
        List<RouteImage.Group> groups = new ArrayList<>(image.groups().size());
        for (RouteImage.Group g : image.groups()) {
            List<RouteImage.Member> members = new ArrayList<>(g.members().size());
            for (RouteImage.Member m : g.members()) {
                if (m.origin() == null || m.origin() == BrokerOrigin.DIRECT) {
                    members.add(m.heardAt(now));
                } else if (m.lastUpdateTimestamp() + m.heartbeatTimeoutMillis() > now) {
                    members.add(m);
                }
            }
            if (!members.isEmpty()) {
                groups.add(g.withMembers(members));
            }
        }
        return new RouteImage(groups);
    }

    /** The exception's message, with the backup's problem when there was one, on one line. */
    static String oneLine(IOException e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable s : e.getSuppressed()) {
            sb.append(" (backup: ").append(s.getMessage()).append(')');
        }
        return sb.toString().replace('\n', ' ');
    }
}
