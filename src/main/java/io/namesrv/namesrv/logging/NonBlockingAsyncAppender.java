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
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;

/**
 * logback's {@link AsyncAppender} that never makes the logging thread wait. Threads that log
 * include ones holding locks others need and Netty's event loops; one of them waiting for room in
 * a queue whose writer is slow (a stalled disk) or dead (it ran out of heap) held up everything
 * behind it, {@code /health} included. So: below a fifth of the queue left, INFO and lower are
 * dropped (logback's discarding threshold); a full queue drops anything. Every drop is counted and
 * reported in a WARN line saying how many were lost, at most one a second (under a flood of
 * lines, a report before every line that found room doubled the flood: 25,874 reports of "1
 * dropped" in one run at 256,000 topics) and once more when the appender stops; the total is
 * {@code namesrv_log_events_dropped_total} in /metrics.
 */
public class NonBlockingAsyncAppender extends AsyncAppender {

    private static final String FQCN = NonBlockingAsyncAppender.class.getName();

    static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final long STOP_REPORT_WAIT_NANOS = 500_000_000L;

    private final LongAdder dropped = new LongAdder();
    private final AtomicLong unreported = new AtomicLong();
    private final LongSupplier nanoClock;
    private final AtomicLong lastReportNanos;
    /** The logger of the latest drop, for the report made when the appender stops. */
    private volatile String lastDroppedLogger = Logger.ROOT_LOGGER_NAME;

    public NonBlockingAsyncAppender() {
        this(System::nanoTime);
    }

    NonBlockingAsyncAppender(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.lastReportNanos = new AtomicLong(nanoClock.getAsLong() - REPORT_INTERVAL_NANOS);
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
        if (room == 0) {
            drop(event);
            return;
        }
        if (room >= 2 && unreported.get() > 0 && reportIsDue()) {
            super.append(dropReport(event.getLoggerName(), unreported.getAndSet(0)));
        }
        super.append(event);
    }

    /** True for the one caller that may report now: a second after the last report. */
    private boolean reportIsDue() {
        long now = nanoClock.getAsLong();
        long last = lastReportNanos.get();
        return now - last >= REPORT_INTERVAL_NANOS && lastReportNanos.compareAndSet(last, now);
    }

    /**
     * Queues the drops not reported yet, waiting up to half a second for room (the writer is
     * draining; a stalled disk leaves them counted in /metrics only), then drains the queue as
     * logback does.
     */
    @Override
    public void stop() {
        long lost = unreported.getAndSet(0);
        if (lost > 0 && isStarted()) {
            long deadline = System.nanoTime() + STOP_REPORT_WAIT_NANOS;
            while (getRemainingCapacity() == 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000L);
            }
            if (getRemainingCapacity() > 0) {
                super.append(dropReport(lastDroppedLogger, lost));
            }
        }
        super.stop();
    }

    /** Called by the base class only below the discarding threshold: a discard is a drop. */
    @Override
    protected boolean isDiscardable(ILoggingEvent event) {
        boolean discard = super.isDiscardable(event);
        if (discard) {
            drop(event);
        }
        return discard;
    }

    private void drop(ILoggingEvent event) {
        dropped.increment();
        unreported.incrementAndGet();
        lastDroppedLogger = event.getLoggerName();
    }

    private ILoggingEvent dropReport(String loggerName, long lost) {
        Logger logger = ((LoggerContext) getContext()).getLogger(loggerName);
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
