package io.namesrv.remoting.netty;

import io.namesrv.remoting.NamedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A business executor for requests: a fixed number of named threads over a bounded queue (when
 * the queue is full the dispatcher answers SYSTEM_BUSY at once instead of queueing without
 * bound), and how long its oldest queued request has waited, for watermark logs and metrics.
 */
public final class RequestExecutor {

    private final ThreadPoolExecutor pool;

    /**
     * Threads are named {@code threadNamePrefix} 1, 2, ... and started on demand; {@code deaths}
     * (null: the JVM's default) is told about a thread that dies of an uncaught throwable.
     */
    public RequestExecutor(int threads, int queueCapacity, String threadNamePrefix,
                           Thread.UncaughtExceptionHandler deaths) {
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(queueCapacity), new NamedThreadFactory(threadNamePrefix, true, 1, deaths));
    }

    /** What to register a processor with. */
    public ExecutorService executor() {
        return pool;
    }

    public int queueSize() {
        return pool.getQueue().size();
    }

    public int queueCapacity() {
        return pool.getQueue().size() + pool.getQueue().remainingCapacity();
    }

    /** How long the oldest queued request has waited at {@code nowMillis} (0 when none waits). */
    public long headWaitMillis(long nowMillis) {
        return RequestTask.headWaitMillis(pool.getQueue(), nowMillis);
    }

    public int activeThreads() {
        return pool.getActiveCount();
    }

    public int poolSize() {
        return pool.getPoolSize();
    }

    /** Lets queued and running requests finish for up to {@code timeout}, then interrupts the rest. */
    public void shutdown(long timeout, TimeUnit unit) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout, unit)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
