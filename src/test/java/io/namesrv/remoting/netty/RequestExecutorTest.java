package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A bounded, named request pool that tells how old its oldest queued request is. */
class RequestExecutorTest {

    @Test
    void boundedNamedAndMeasuresItsQueueHead() throws Exception {
        RequestExecutor pool = new RequestExecutor(1, 2, "TestRequestThread_", null);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> threadName = new AtomicReference<>();
        try {
            pool.executor().execute(new RequestTask(() -> {
                threadName.set(Thread.currentThread().getName());
                running.countDown();
                awaitQuietly(release);
            }, 0));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            pool.executor().execute(new RequestTask(() -> { }, 1_000));
            pool.executor().execute(new RequestTask(() -> { }, 1_500));

            assertEquals("TestRequestThread_1", threadName.get());
            assertEquals(2, pool.queueSize());
            assertEquals(2, pool.queueCapacity());
            assertEquals(4_000, pool.headWaitMillis(5_000), "the oldest queued request, not the newest");
            assertEquals(1, pool.activeThreads());
            assertThrows(RejectedExecutionException.class,
                () -> pool.executor().execute(new RequestTask(() -> { }, 2_000)), "a full queue refuses at once");
        } finally {
            release.countDown();
            pool.shutdown(10, TimeUnit.SECONDS);
        }
        assertTrue(pool.executor().isTerminated());
        assertEquals(0, pool.headWaitMillis(5_000));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
