package io.namesrv.remoting;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning that is written at most once per interval; the ones in between are counted and the
 * count goes with the next one written. Under a flood, a line per rejected request would itself
 * be the overload: threads queue on the appender and the disk fills.
 */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalMillis;
    private final AtomicLong nextAllowedMillis = new AtomicLong();
    private final LongAdder suppressed = new LongAdder();
    private final LongSupplier clock;

    public ThrottledLog(Logger log, long intervalMillis) {
        this(log, intervalMillis, System::currentTimeMillis);
    }

    /** As above, telling the time (milliseconds) with {@code clock}. */
    public ThrottledLog(Logger log, long intervalMillis, LongSupplier clock) {
        this.log = log;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    /** Logs at WARN unless one was written less than the interval ago; then only counts it. */
    public void warn(String format, Object... args) {
        long now = clock.getAsLong();
        long next = nextAllowedMillis.get();
        if (now >= next && nextAllowedMillis.compareAndSet(next, now + intervalMillis)) {
            long skipped = suppressed.sumThenReset();
            if (skipped > 0) {
                log.warn(format + " [{} similar warnings suppressed before this one]", append(args, skipped));
            } else {
                log.warn(format, args);
            }
        } else {
            suppressed.increment();
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = new Object[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = last;
        return all;
    }
}
