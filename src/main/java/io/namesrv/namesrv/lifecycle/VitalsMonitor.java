package io.namesrv.namesrv.lifecycle;

import io.namesrv.remoting.FatalErrorListener;
import io.namesrv.remoting.NamedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Checks, on a thread of its own, what no exception would report: each check answers what has
 * stopped, or null. The first problem fails the process; heap pressure only marks it unhealthy
 * while it lasts. Also watches the async log writers that logback started.
 */
public final class VitalsMonitor implements AutoCloseable {

    public static final long DEFAULT_PERIOD_MILLIS = 1000;

    private final List<Supplier<String>> checks;
    private final HeapWatch heap;
    private final FatalErrorHandler fatal;
    private final long periodMillis;
    private ScheduledExecutorService thread;
    private volatile boolean closed;

    /** {@code checks}: each returns what has stopped, or null while it runs. */
    public VitalsMonitor(List<Supplier<String>> checks, Health health, FatalErrorHandler fatal, long periodMillis) {
        List<Supplier<String>> all = new ArrayList<>(checks);
        all.addAll(LogWorkers.checks());
        this.checks = List.copyOf(all);
        this.heap = new HeapWatch(health);
        this.fatal = fatal;
        this.periodMillis = periodMillis;
    }

    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NSVitalsMonitor", true, 1, fatal));
        thread.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void check() {
        try {
            for (Supplier<String> check : checks) {
                String problem = check.get();
                if (problem != null && !closed) {
                    fatal.fail(problem);
                    return;
                }
            }
            heap.check();
        } catch (Throwable e) {
            if (closed) {
                return;
            }
            if (FatalErrorListener.isFatal(e)) {
                fatal.onFatalError("the vitals monitor", e);
            } else {
                fatal.fail("the vitals monitor failed: " + e);
            }
        }
    }

    /** Stops checking; call it first when the server is being stopped on purpose. */
    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
