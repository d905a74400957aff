package io.namesrv.namesrv.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.LoggerFactory;

/**
 * logback's {@link AsyncAppender} that never makes the logging thread wait. Threads that log
 * include ones holding locks others need and Netty's event loops; one of them waiting for room in
 * a queue whose writer is slow (a stalled disk) or dead (it ran out of heap) held up everything
 * behind it, {@code /health} included. So: below a fifth of the queue left, INFO and lower are
 * dropped (logback's discarding threshold); a full queue drops anything. Every drop is counted,
 * the next event that finds room is preceded by a WARN line saying how many were lost, and the
 * total is {@code namesrv_log_events_dropped_total} in /metrics.
 */
public class NonBlockingAsyncAppender extends AsyncAppender {

    private static final String FQCN = NonBlockingAsyncAppender.class.getName();

    private final LongAdder dropped = new LongAdder();
    private final AtomicLong unreported = new AtomicLong();

    public NonBlockingAsyncAppender() {
        setNeverBlock(true);
    }

    /** Waiting is what this appender is for avoiding: the setting is ignored. */
    @Override
    public void setNeverBlock(boolean neverBlock) {
        super.setNeverBlock(true);
    }

    @Override
    protected void append(ILoggingEvent event) {
        int room = getRemainingCapacity();
        boolean reportDue = unreported.get() > 0;
        if (room == 0 || reportDue && room < 2) {
            drop();
            return;
        }
        if (reportDue) {
            super.append(dropReport(event, unreported.getAndSet(0)));
        }
        super.append(event);
    }

    /** Called by the base class only below the discarding threshold: a discard is a drop. */
    @Override
    protected boolean isDiscardable(ILoggingEvent event) {
        boolean discard = super.isDiscardable(event);
        if (discard) {
            drop();
        }
        return discard;
    }

    private void drop() {
        dropped.increment();
        unreported.incrementAndGet();
    }

    private ILoggingEvent dropReport(ILoggingEvent next, long lost) {
        Logger logger = ((LoggerContext) getContext()).getLogger(next.getLoggerName());
        return new LoggingEvent(FQCN, logger, Level.WARN, "{} log events dropped: the log queue of {} was full",
            null, new Object[] {lost, getName()});
    }

    /** Events dropped by this appender since it was created. */
    public long droppedEvents() {
        return dropped.sum();
    }

    /** Events dropped by every appender of this kind in the process's logback configuration (0 without logback). */
    public static long droppedEventsInAll() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return 0;
        }
        Map<NonBlockingAsyncAppender, Boolean> seen = new IdentityHashMap<>();
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof NonBlockingAsyncAppender appender) {
                    seen.put(appender, Boolean.TRUE);
                }
            }
        }
        return seen.keySet().stream().mapToLong(NonBlockingAsyncAppender::droppedEvents).sum();
    }
}
