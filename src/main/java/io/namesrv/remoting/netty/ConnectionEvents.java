package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.FatalErrorListener;
import io.namesrv.remoting.RemotingHelper;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a server connection's life (open, closed, idle, failed) and hands each step to the
 * {@link ChannelEventListener} through the event thread (when there is a listener). A connection
 * whose pipeline failed is closed here: nothing after this handler could still serve it.
 */
@ChannelHandler.Sharable
final class ConnectionEvents extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);

    /** Null: no listener, only the log. */
    private final NettyEventExecutor events;
    /** Told when the failure was the heap running out: not this connection's problem alone. */
    private final FatalErrorListener fatal;

    ConnectionEvents(NettyEventExecutor events, FatalErrorListener fatal) {
        this.events = events;
        this.fatal = fatal;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        lifeStep(ctx, "channelActive", NettyEventType.CONNECT);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        lifeStep(ctx, "channelInactive", NettyEventType.CLOSE);
        super.channelInactive(ctx);
    }

    /** An opening or closing: logged at INFO as Apache's server logs it. */
    private void lifeStep(ChannelHandlerContext ctx, String step, NettyEventType type) {
        String remote = RemotingHelper.remoteAddr(ctx.channel());
        LOG.info("NETTY SERVER PIPELINE: {}, the channel[{}]", step, remote);
        post(type, remote, ctx);
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
