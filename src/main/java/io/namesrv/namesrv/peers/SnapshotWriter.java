package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the route table to the snapshot: periodically when routes changed since the last write
 * (a steady cluster writes nothing), and once more on shutdown. A failing disk is logged once per
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

    /** Writes if any route changed since the last write. */
    synchronized void writeIfChanged() {
        if (routes.routeVersion() != writtenRouteVersion) {
            write();
        }
    }

    /** Writes now, changed or not; true on success. */
    synchronized boolean write() {
        long version = routes.routeVersion();
        long start = clock.getAsLong();
        try {
            store.write(new RouteSnapshot(start, routes.image()));
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

    SnapshotState state() {
        return new SnapshotState(store.path().toString(), lastWriteAt, lastWriteMillis, writes, failures, lastError);
    }
}
