package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the dispatcher does with an answer nobody can take: a caller that hung up gets none, quietly;
 * a connection whose unsent answers pile up past the limit is closed, and the log says how much.
 */
class RequestDispatcherUnsentTest {

    private static final int CODE = 105;
    private static final long MAX_UNSENT = 1024;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("RocketmqRemoting");
    private final List<Integer> reported = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private RequestDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        log.start();
        logger.addAppender(log);
        dispatcher = new RequestDispatcher(new WireIdentity(WireIdentity.V5_3_3, null), 0, 0, MAX_UNSENT);
        // answered inline, on the calling thread, so each test sees the outcome when dispatch returns
        dispatcher.register(CODE, new NettyRequestProcessor() {
            @Override
            public RemotingCommand tryProcessInline(io.netty.channel.Channel channel, RemotingCommand request) {
                return RemotingCommand.response(ResponseCode.SUCCESS, null);
            }

            @Override
            public RemotingCommand processRequest(io.netty.channel.Channel channel, RemotingCommand request) {
                return RemotingCommand.response(ResponseCode.SUCCESS, null);
            }
        }, executor);
        dispatcher.setListener((requestCode, responseCode, elapsedNanos) -> reported.add(responseCode));
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
        executor.shutdownNow();
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aCallerThatHungUpGetsNoAnswerAndIsNotCalledASlowReader() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.close();

        dispatcher.dispatch(channel, RemotingCommand.request(CODE, null).setOpaque(7));

        assertEquals(List.of(RequestListener.NO_RESPONSE), reported);
        assertNull(channel.readOutbound());
        assertEquals(List.of(), warnings());
    }

    @Test
    void aConnectionWithTooMuchUnsentIsClosedAndTheLogSaysHowMuch() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        channel.write(Unpooled.wrappedBuffer(new byte[4096])); // queued, never flushed: the peer "does not read"
        assertFalse(channel.isWritable());
        long unsent = channel.bytesBeforeWritable(); // the 4096 bytes and Netty's bookkeeping, less the low mark
        assertTrue(unsent > MAX_UNSENT);

        dispatcher.dispatch(channel, RemotingCommand.request(CODE, null).setOpaque(8));

        assertFalse(channel.isOpen());
        assertEquals(List.of(RequestListener.NO_RESPONSE), reported);
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("(" + unsent + " bytes unsent)"), warnings.get(0));
    }

    @Test
    void aConnectionUnderTheLimitIsAnswered() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        channel.write(Unpooled.wrappedBuffer(new byte[512]));
        assertFalse(channel.isWritable());

        dispatcher.dispatch(channel, RemotingCommand.request(CODE, null).setOpaque(9));
        channel.flushOutbound();

        assertTrue(channel.isOpen());
        assertEquals(List.of(ResponseCode.SUCCESS), reported);
        ByteBuf queuedBefore = channel.readOutbound();
        assertEquals(512, queuedBefore.readableBytes());
        queuedBefore.release();
        RemotingCommand answer = channel.readOutbound();
        assertEquals(9, answer.getOpaque());
        assertEquals(List.of(), warnings());
    }
}
