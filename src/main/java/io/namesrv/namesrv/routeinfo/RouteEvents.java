package io.namesrv.namesrv.routeinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events one change of the route table produced, collected while its write lock is held and
 * told to the {@link RouteEventListener} only once the lock is released: a listener may then take
 * its time (or send a notification) without stalling lookups, and may read the table.
 */
final class RouteEvents {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");

    private List<Consumer<RouteEventListener>> pending;

    void add(Consumer<RouteEventListener> event) {
        if (pending == null) {
            pending = new ArrayList<>(2);
        }
        pending.add(event);
    }

    /** Tells {@code listener} every collected event in order; a failing listener is logged, not rethrown. */
    void deliverTo(RouteEventListener listener) {
        if (pending == null) {
            return;
        }
        for (Consumer<RouteEventListener> event : pending) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("route event listener failed", e);
            }
        }
    }
}
