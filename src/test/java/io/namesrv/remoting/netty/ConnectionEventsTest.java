package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.FatalErrorListener;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's connection life-cycle handlers as they stand in the pipeline (idle closer, then
 * events) on an {@link EmbeddedChannel}: which events the listener hears, in which order, and
 * which connections are closed. The listener runs on the event thread, so events are awaited.
 */
class ConnectionEventsTest {

    /** What the listener heard: the name of the method called, and for which channel. */
    private record Heard(String event, Channel channel) {
    }

    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
    private final NettyEventExecutor executor = new NettyEventExecutor((ChannelEventListener) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {ChannelEventListener.class},
        (proxy, method, args) -> heard.add(new Heard(method.getName(), (Channel) args[1]))), FatalErrorListener.NONE);

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    private EmbeddedChannel channel() {
        executor.start();
        return new EmbeddedChannel(IdleCloser.INSTANCE, new ConnectionEvents(executor, FatalErrorListener.NONE));
    }

    private void expect(String event, Channel channel) throws InterruptedException {
        assertEquals(new Heard(event, channel), heard.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void openingAndClosingAreHeardInOrder() throws InterruptedException {
        EmbeddedChannel ch = channel();
        ch.close();

        expect("onChannelConnect", ch);
        expect("onChannelClose", ch);
    }

    @Test
    void anIdleConnectionIsClosedAndHeardAsIdleBeforeItsClose() throws InterruptedException {
        EmbeddedChannel ch = channel();
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);

        assertFalse(ch.isOpen());
        expect("onChannelConnect", ch);
        expect("onChannelIdle", ch);
        expect("onChannelClose", ch);
    }

    @Test
    void readerOrWriterIdleAloneIsNoReasonToClose() throws InterruptedException {
        EmbeddedChannel ch = channel();
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.WRITER_IDLE_STATE_EVENT);

        assertTrue(ch.isOpen());
        expect("onChannelConnect", ch);
        ch.close();
        expect("onChannelClose", ch);
        assertNull(heard.poll(), "nothing else was heard");
    }

    @Test
    void aFailedPipelineClosesTheConnectionAndIsHeard() throws InterruptedException {
        EmbeddedChannel ch = channel();
        ch.pipeline().fireExceptionCaught(new IllegalStateException("decoder broke"));

        assertFalse(ch.isOpen());
        expect("onChannelConnect", ch);
        expect("onChannelException", ch);
        expect("onChannelClose", ch);
    }

    /**
     * Apache logs every open and close at INFO: two lines per mqadmin call. Only the close of a
     * connection that lived 10 s or more stays at INFO; the rest is DEBUG.
     */
    @Test
    void onlyTheCloseOfALongLivedConnectionIsLoggedAtInfo() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
            .getLogger(io.namesrv.common.LoggerNames.REMOTING);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
            new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(log);
        try {
            long[] now = {0};
            EmbeddedChannel adminCall = new EmbeddedChannel(IdleCloser.INSTANCE,
                new ConnectionEvents(null, FatalErrorListener.NONE, () -> now[0]));
            now[0] = 800;
            adminCall.close();
            assertEquals(List.of(), log.list, "a short connection logs nothing at INFO");

            EmbeddedChannel broker = new EmbeddedChannel(IdleCloser.INSTANCE,
                new ConnectionEvents(null, FatalErrorListener.NONE, () -> now[0]));
            now[0] += ConnectionEvents.LONG_LIVED_MILLIS;
            broker.close();
            assertEquals(1, log.list.size(), log.list.toString());
            assertTrue(log.list.get(0).getFormattedMessage().startsWith("NETTY SERVER PIPELINE: channelInactive, the channel["),
                log.list.get(0).getFormattedMessage());
        } finally {
            logger.detachAppender(log);
            logger.setLevel(before);
        }
    }

    @Test
    void withoutAListenerConnectionsAreStillClosedWhenIdleOrFailed() {
        EmbeddedChannel idle = new EmbeddedChannel(IdleCloser.INSTANCE, new ConnectionEvents(null, FatalErrorListener.NONE));
        EmbeddedChannel failed = new EmbeddedChannel(IdleCloser.INSTANCE, new ConnectionEvents(null, FatalErrorListener.NONE));
        idle.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        failed.pipeline().fireExceptionCaught(new IllegalStateException("decoder broke"));

        assertFalse(idle.isOpen());
        assertFalse(failed.isOpen());
    }
}
