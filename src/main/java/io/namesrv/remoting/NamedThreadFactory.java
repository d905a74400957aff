package io.namesrv.remoting;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names every thread {@code prefix + index} (index from 0 or 1 as the caller prefers) and, when
 * given one, installs a handler told about threads that die of an uncaught throwable.
 */
public final class NamedThreadFactory implements ThreadFactory {

    private final String prefix;
    private final boolean daemon;
    private final AtomicInteger index;
    private final Thread.UncaughtExceptionHandler deaths;

    public NamedThreadFactory(String prefix, boolean daemon) {
        this(prefix, daemon, 0);
    }

    public NamedThreadFactory(String prefix, boolean daemon, int firstIndex) {
        this(prefix, daemon, firstIndex, null);
    }

    /** {@code deaths} null: the JVM's default handling. */
    public NamedThreadFactory(String prefix, boolean daemon, int firstIndex, Thread.UncaughtExceptionHandler deaths) {
        this.prefix = prefix;
        this.daemon = daemon;
        this.index = new AtomicInteger(firstIndex);
        this.deaths = deaths;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + index.getAndIncrement());
        t.setDaemon(daemon);
        if (deaths != null) {
            t.setUncaughtExceptionHandler(deaths);
        }
        return t;
    }
}
