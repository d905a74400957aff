package io.namesrv.namesrv.routeinfo;

import io.namesrv.common.LoggerNames;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events one change of the route table produced, and its log lines, collected while its
 * write lock is held and handed on only once the lock is released: a listener may then take its
 * time (or send a notification) without stalling lookups, and may read the table; and no thread
 * ever logs while holding the lock, so a slow disk (or anything else that makes logging wait)
 * can never stall the route table.
 */
final class RouteEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    private List<Consumer<RouteEventListener>> pending;
    private List<Runnable> lines;
    private TopicLines topicLines;

    void add(Consumer<RouteEventListener> event) {
        if (pending == null) {
            pending = new ArrayList<>(2);
        }
        pending.add(event);
    }

    /** A log line, written once the lock is released (e.g. {@code () -> LOG.info(...)}). */
    void log(Runnable line) {
        if (lines == null) {
            lines = new ArrayList<>(4);
        }
        lines.add(line);
    }

    /** The per-topic lines of this change, logged in blocks after the other lines. */
    TopicLines topicLines() {
        if (topicLines == null) {
            topicLines = new TopicLines();
        }
        return topicLines;
    }

    /**
     * Writes the collected log lines, then tells {@code listener} every collected event in order;
     * a failing listener is logged, not rethrown.
     */
    void deliverTo(RouteEventListener listener) {
        if (lines != null) {
            lines.forEach(Runnable::run);
        }
        if (topicLines != null && LOG.isInfoEnabled()) {
            // The block is the message itself, no argument: logback keeps it as it is, without a formatted copy.
            topicLines.blocks().forEach(LOG::info);
        }
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
