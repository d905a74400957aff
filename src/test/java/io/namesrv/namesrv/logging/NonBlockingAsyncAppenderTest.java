package io.namesrv.namesrv.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import io.namesrv.interop.support.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NonBlockingAsyncAppenderTest {

    private static final int EVENTS = 2000;

    /** A file appender whose disk has stalled until the latch opens. */
    private static final class StalledAppender extends AppenderBase<ILoggingEvent> {
        final CountDownLatch disk = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            try {
                disk.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(event.getFormattedMessage());
        }
    }

    @Test
    void aFullQueueNeverMakesTheLoggingThreadWaitAndTheDropsAreCountedAndReported() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        StalledAppender file = new StalledAppender();
        file.setContext(context);
        file.start();
        NonBlockingAsyncAppender async = new NonBlockingAsyncAppender();
        async.setContext(context);
        async.setName("TestAsync");
        async.setQueueSize(16);
        async.setNeverBlock(false); // ignored: waiting is what this appender avoids
        async.addAppender(file);
        async.start();
        Logger log = context.getLogger("RocketmqNamesrv");
        log.setLevel(Level.INFO);
        log.addAppender(async);
        try {
            // A thread that logs while holding a lock, as a registration under the route table's lock used to.
            Thread holder = new Thread(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    log.info("new topic registered, Topic{}", i);
                }
            }, "LockHolder");
            holder.start();
            holder.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(holder.isAlive(), "the logging thread finished while the disk was stalled");
            assertTrue(async.droppedEvents() > 0);

            file.disk.countDown();
            Await.until("the queue to drain", Duration.ofSeconds(30), async::getNumberOfElementsInQueue, n -> n == 0);
            log.warn("after the stall");
            async.stop(); // drains the queue
            List<String> topics = file.written.stream().filter(m -> m.startsWith("new topic registered")).toList();
            assertEquals(EVENTS, topics.size() + async.droppedEvents(), "every event either written or counted");
            String suffix = " log events dropped: the log queue of TestAsync was full";
            long reported = file.written.stream().filter(m -> m.endsWith(suffix))
                .mapToLong(m -> Long.parseLong(m.substring(0, m.length() - suffix.length()))).sum();
            assertEquals(async.droppedEvents(), reported, "every drop reported in a WARN line: " + file.written);
            List<String> lines = file.written.stream().filter(m -> !m.endsWith(suffix)).toList();
            assertEquals("after the stall", lines.get(lines.size() - 1));
        } finally {
            context.stop();
        }
    }

    /** A disk that writes one line per permit. */
    private static final class GatedAppender extends AppenderBase<ILoggingEvent> {
        final java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(0);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            permits.acquireUninterruptibly();
            written.add(event.getFormattedMessage());
        }
    }

    @Test
    void underAFloodDropsAreReportedAtMostOnceASecondAndTheRestWhenItStops() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        GatedAppender file = new GatedAppender();
        file.setContext(context);
        file.start();
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        NonBlockingAsyncAppender async = new NonBlockingAsyncAppender(nanos::get);
        async.setContext(context);
        async.setName("TestAsync");
        async.setQueueSize(64);
        async.addAppender(file);
        async.start();
        Logger log = context.getLogger("RocketmqNamesrv");
        log.setLevel(Level.INFO);
        log.addAppender(async);
        String suffix = " log events dropped: the log queue of TestAsync was full";
        java.util.function.Supplier<List<String>> reports =
            () -> file.written.stream().filter(m -> m.endsWith(suffix)).toList();
        try {
            int logged = 0;
            // Twenty floods within one (simulated) second: each fills the queue, drops lines, then the
            // disk catches up, so the next flood's first line finds room after drops.
            for (int cycle = 0; cycle < 21; cycle++) {
                if (cycle == 20) {
                    nanos.addAndGet(NonBlockingAsyncAppender.REPORT_INTERVAL_NANOS);
                }
                for (int i = 0; i < 200; i++) {
                    log.warn("line {}", i);
                    logged++;
                }
                file.permits.release(1_000_000);
                int expected = logged;
                Await.until("the disk to catch up", Duration.ofSeconds(30),
                    () -> file.written.size() - reports.get().size() + async.droppedEvents(), n -> n == expected);
                file.permits.drainPermits();
            }
            assertTrue(async.droppedEvents() >= 20 * 100, "every flood dropped lines: " + async.droppedEvents());
            assertEquals(2, reports.get().size(), "one report in the first second and one in the next, not one per"
                + " flood: " + reports.get());
            log.warn("dropping one more");
            for (int i = 0; i < 200; i++) {
                log.warn("line {}", i);
            }
            file.permits.release(1_000_000);
            async.stop();
            long reported = reports.get().stream()
                .mapToLong(m -> Long.parseLong(m.substring(0, m.length() - suffix.length()))).sum();
            assertEquals(async.droppedEvents(), reported, "every drop reported, the last ones when it stopped");
        } finally {
            context.stop();
        }
    }
}
