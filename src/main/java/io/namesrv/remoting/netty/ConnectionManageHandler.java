package io.namesrv.remoting.netty;

import io.namesrv.remoting.FatalErrorListener;
import io.namesrv.remoting.RemotingHelper;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns connection life-cycle into {@link ChannelEventListener} events, closes connections that
 * stayed idle past the limit or failed, and pauses reading while the peer is not draining our
 * writes (so a slow reader cannot make us buffer without bound).
 */
@ChannelHandler.Sharable
final class ConnectionManageHandler extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqRemoting");

    private final NettyEventExecutor events;
    private final FatalErrorListener fatal;
    private final AtomicInteger activeConnections = new AtomicInteger();

    ConnectionManageHandler(NettyEventExecutor events, FatalErrorListener fatal) {
        this.events = events;
        this.fatal = fatal;
    }

    /** Connections currently open (active and not yet inactive). */
    int activeConnections() {
        return activeConnections.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String remote = RemotingHelper.remoteAddr(ctx.channel());
        activeConnections.incrementAndGet();
        LOG.info("NETTY SERVER PIPELINE: channelActive, the channel[{}]", remote);
        if (events != null) {
            events.put(NettyEventType.CONNECT, remote, ctx.channel());
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        String remote = RemotingHelper.remoteAddr(ctx.channel());
        activeConnections.decrementAndGet();
        LOG.info("NETTY SERVER PIPELINE: channelInactive, the channel[{}]", remote);
        if (events != null) {
            events.put(NettyEventType.CLOSE, remote, ctx.channel());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
            String remote = RemotingHelper.remoteAddr(ctx.channel());
            LOG.warn("NETTY SERVER PIPELINE: IDLE exception [{}]", remote);
            ctx.close();
            if (events != null) {
                events.put(NettyEventType.IDLE, remote, ctx.channel());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String remote = RemotingHelper.remoteAddr(ctx.channel());
        if (FatalErrorListener.isFatal(cause)) {
            fatal.onFatalError("the connection from " + remote, cause);
        }
        LOG.warn("NETTY SERVER PIPELINE: exceptionCaught {}: {}", remote, cause.toString());
        if (events != null) {
            events.put(NettyEventType.EXCEPTION, remote, ctx.channel());
        }
        ctx.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        boolean writable = ctx.channel().isWritable();
        if (ctx.channel().config().isAutoRead() != writable) {
            ctx.channel().config().setAutoRead(writable);
            LOG.debug("channel {} writable={}, autoRead follows", RemotingHelper.remoteAddr(ctx.channel()), writable);
        }
        super.channelWritabilityChanged(ctx);
    }
}
