package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A processor registered with its own queue-wait limit keeps requests the dispatcher's default would drop. */
class RequestDispatcherQueueWaitTest {

    @Test
    void perRegistrationLimitOverridesTheDispatcherDefault() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            AtomicLong clock = new AtomicLong(1_000_000);
            RequestDispatcher dispatcher =
                new RequestDispatcher(new WireIdentity(479, SerializeType.JSON), 0, 50, 0, clock::get);
            dispatcher.register(1, (ch, req) -> RemotingCommand.response(0, "short"), executor);
            dispatcher.registerDefault((ch, req) -> RemotingCommand.response(0, "long"), executor, 10_000);
            EmbeddedChannel channel = new EmbeddedChannel();
            CountDownLatch release = new CountDownLatch(1);
            executor.execute(() -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            dispatcher.dispatch(channel, RemotingCommand.request(1, null).setOpaque(1));
            dispatcher.dispatch(channel, RemotingCommand.request(2, null).setOpaque(2));
            clock.addAndGet(200); // both waited past the 50 ms default, well within the default processor's 10 s
            release.countDown();
            executor.shutdown();
            assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
            channel.runPendingTasks();
            RemotingCommand answer = channel.readOutbound();
            assertNotNull(answer, "the default processor's request was answered");
            assertEquals(2, answer.getOpaque());
            assertEquals("long", answer.getRemark());
            assertNull(channel.readOutbound(), "the request over its 50 ms limit was dropped");
            assertEquals(1, dispatcher.droppedStaleRequests());
        } finally {
            executor.shutdownNow();
        }
    }
}
