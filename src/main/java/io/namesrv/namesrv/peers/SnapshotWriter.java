package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.RouteImage;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the route table to the snapshot: periodically when routes changed since the last write
 * (a steady cluster writes nothing), and once more on shutdown, streamed group by group. A failing disk is logged once per
 * run of failures and shown on /status and /metrics; the previous snapshot stays valid.
 */
final class SnapshotWriter {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");

    private final RouteSnapshotStore store;
    private final RouteInfoManager routes;
    private final LongSupplier clock;
    private long writtenRouteVersion = Long.MIN_VALUE;
    private volatile long lastWriteAt;
    private volatile long lastWriteMillis;
    private volatile String lastError;
    private volatile long writes;
    private volatile long failures;

    SnapshotWriter(RouteSnapshotStore store, RouteInfoManager routes, LongSupplier clock) {
        this.store = store;
        this.routes = routes;
        this.clock = clock;
    }

    /**
     * Writes if any route changed since the last write (a steady table is not rewritten, whatever
     * its size); true when the file now holds the table.
     */
    synchronized boolean writeIfChanged() {
        return routes.routeVersion() == writtenRouteVersion || write();
    }

    /** Writes now, changed or not; true on success. */
    synchronized boolean write() {
        long version = routes.routeVersion();
        long start = clock.getAsLong();
        try {
            store.write(start, groupByGroup());
        } catch (IOException | RuntimeException e) {
            failures++;
            if (lastError == null) {
                LOG.error("cannot write the route snapshot {}: {} (the previous snapshot stays; retrying)", store.path(),
                    e.toString());
            }
            lastError = e.toString();
            return false;
        }
        if (lastError != null) {
            LOG.info("route snapshot {} written again after {} failure(s)", store.path(), failures);
        }
        writtenRouteVersion = version;
        lastWriteAt = start;
        lastWriteMillis = clock.getAsLong() - start;
        lastError = null;
        writes++;
        return true;
    }

    /**
     * The table one group at a time, each copied (under the table's read lock, for that group
     * only) when its turn to be written comes: neither the lock nor a copy of the whole table is
     * held while the file is encoded and written. Each group is consistent in itself; a change
     * landing meanwhile moves the route version, so the next round writes it.
     */
    private Iterable<RouteImage.Group> groupByGroup() {
        List<String> names = routes.brokerNames();
        return () -> names.stream().map(routes::groupImage).filter(Objects::nonNull).iterator();
    }

    SnapshotState state() {
        return new SnapshotState(store.path().toString(), lastWriteAt, lastWriteMillis, writes, failures, lastError);
    }
}
