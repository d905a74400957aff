package io.namesrv.remoting;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names every thread {@code prefix + index} (index from 0 or 1 as the caller prefers). */
public final class NamedThreadFactory implements ThreadFactory {

    private final String prefix;
    private final boolean daemon;
    private final AtomicInteger index;

    public NamedThreadFactory(String prefix, boolean daemon) {
        this(prefix, daemon, 0);
    }

    public NamedThreadFactory(String prefix, boolean daemon, int firstIndex) {
        this.prefix = prefix;
        this.daemon = daemon;
        this.index = new AtomicInteger(firstIndex);
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + index.getAndIncrement());
        t.setDaemon(daemon);
        return t;
    }
}
