package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.AbstractExecutorService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A processor's inline answer skips its executor; no inline answer (or a failing one) queues the request. */
class RequestDispatcherInlineTest {

    /** Runs tasks in the caller and counts them. */
    private static final class CountingExecutor extends AbstractExecutorService {
        final AtomicInteger executed = new AtomicInteger();

        @Override
        public void execute(Runnable command) {
            executed.incrementAndGet();
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private static NettyRequestProcessor processor(RemotingCommand inline, boolean inlineThrows) {
        return new NettyRequestProcessor() {
            @Override
            public RemotingCommand tryProcessInline(io.netty.channel.Channel channel, RemotingCommand request) {
                if (inlineThrows) {
                    throw new IllegalStateException("boom");
                }
                return inline;
            }

            @Override
            public RemotingCommand processRequest(io.netty.channel.Channel channel, RemotingCommand request) {
                return RemotingCommand.response(ResponseCode.SUCCESS, "queued");
            }
        };
    }

    private static RemotingCommand dispatch(NettyRequestProcessor processor, CountingExecutor executor) {
        RequestDispatcher dispatcher = new RequestDispatcher(new WireIdentity(WireIdentity.V5_3_3, null));
        dispatcher.register(105, processor, executor);
        EmbeddedChannel channel = new EmbeddedChannel();
        RemotingCommand request = RemotingCommand.request(105, null).setOpaque(42);
        dispatcher.dispatch(channel, request);
        RemotingCommand response = channel.readOutbound();
        assertEquals(42, response.getOpaque());
        return response;
    }

    @Test
    void inlineAnswerSkipsTheExecutor() {
        CountingExecutor executor = new CountingExecutor();
        RemotingCommand response = dispatch(processor(RemotingCommand.response(ResponseCode.SUCCESS, "inline"), false),
            executor);
        assertEquals("inline", response.getRemark());
        assertEquals(0, executor.executed.get());
    }

    @Test
    void noInlineAnswerQueues() {
        CountingExecutor executor = new CountingExecutor();
        assertEquals("queued", dispatch(processor(null, false), executor).getRemark());
        assertEquals(1, executor.executed.get());
    }

    @Test
    void aFailingInlineAnswerQueues() {
        CountingExecutor executor = new CountingExecutor();
        assertEquals("queued", dispatch(processor(null, true), executor).getRemark());
        assertEquals(1, executor.executed.get());
    }
}
