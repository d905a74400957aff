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
            assertEquals("after the stall", file.written.get(file.written.size() - 1));
        } finally {
            context.stop();
        }
    }
}
