package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.FatalErrorListener;
import io.namesrv.remoting.RemotingHelper;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a server connection's life (open, closed, idle, failed) and hands each step to the
 * {@link ChannelEventListener} through the event thread (when there is a listener). A connection
 * whose pipeline failed is closed here: nothing after this handler could still serve it.
 *
 * <p>Opening and closing use Apache's lines, but only the close of a connection that lived
 * {@link #LONG_LIVED_MILLIS} or more (a broker, a client) is logged at INFO; the open, and the
 * close of a short one (an mqadmin call, a health probe), are DEBUG: Apache's two INFO lines per
 * admin call buried the lines that matter. A broker's arrival is logged by its registration.
 */
@ChannelHandler.Sharable
final class ConnectionEvents extends ChannelInboundHandlerAdapter {

    static final long LONG_LIVED_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);
    private static final AttributeKey<Long> OPENED = AttributeKey.valueOf("namesrv.connection.opened");

    /** Null: no listener, only the log. */
    private final NettyEventExecutor events;
    /** Told when the failure was the heap running out: not this connection's problem alone. */
    private final FatalErrorListener fatal;
    private final LongSupplier clock;

    ConnectionEvents(NettyEventExecutor events, FatalErrorListener fatal) {
        this(events, fatal, System::currentTimeMillis);
    }

    ConnectionEvents(NettyEventExecutor events, FatalErrorListener fatal, LongSupplier clock) {
        this.events = events;
        this.fatal = fatal;
        this.clock = clock;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ctx.channel().attr(OPENED).set(clock.getAsLong());
        String remote = RemotingHelper.remoteAddr(ctx.channel());
        LOG.debug("NETTY SERVER PIPELINE: channelActive, the channel[{}]", remote);
        post(NettyEventType.CONNECT, remote, ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        String remote = RemotingHelper.remoteAddr(ctx.channel());
        Long opened = ctx.channel().attr(OPENED).get();
        if (opened != null && clock.getAsLong() - opened >= LONG_LIVED_MILLIS) {
            LOG.info("NETTY SERVER PIPELINE: channelInactive, the channel[{}]", remote);
        } else {
            LOG.debug("NETTY SERVER PIPELINE: channelInactive, the channel[{}]", remote);
        }
        post(NettyEventType.CLOSE, remote, ctx);
        super.channelInactive(ctx);
    }

    /** The {@link IdleCloser} before this handler closes the connection once this returns. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (IdleCloser.isAllIdle(evt)) {
            String remote = RemotingHelper.remoteAddr(ctx.channel());
            LOG.warn("NETTY SERVER PIPELINE: IDLE exception [{}]", remote);
            post(NettyEventType.IDLE, remote, ctx);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String remote = RemotingHelper.remoteAddr(ctx.channel());
        if (FatalErrorListener.isFatal(cause)) {
            fatal.onFatalError("the connection from " + remote, cause);
        }
        LOG.warn("NETTY SERVER PIPELINE: exceptionCaught {}: {}", remote, cause.toString());
        post(NettyEventType.EXCEPTION, remote, ctx);
        ctx.close();
    }

    private void post(NettyEventType type, String remote, ChannelHandlerContext ctx) {
        if (events != null) {
            events.put(type, remote, ctx.channel());
        }
    }
}
