package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.ThrottledLog;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts open connections and closes each one that would exceed the limit as soon as it is
 * accepted, before it can send anything: a connection flood then costs a file descriptor for a
 * moment, never a share of the executors. A refused connection's opening and closing stop here,
 * so the handlers behind it (and the server's listener) never hear of it. The count is the
 * server's connection figure; it also lets tests see that no channel leaks.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("namesrv.connectionRefused");

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final ThrottledLog refusals;

    /** {@code maxConnections} of 0 or less: unbounded, only counted. */
    ConnectionLimiter(int maxConnections) {
        this(maxConnections, LoggerFactory.getLogger(LoggerNames.REMOTING));
    }

    /** Refusals are logged to {@code log}, at most a line a second. */
    public ConnectionLimiter(int maxConnections, Logger log) {
        this.maxConnections = maxConnections;
        this.refusals = new ThrottledLog(log, 1000);
    }

    public int openConnections() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        int now = open.incrementAndGet();
        if (maxConnections > 0 && now > maxConnections) {
            refusals.warn("{} connections open, the limit is {}: closing the new connection from {}", now - 1,
                maxConnections, RemotingHelper.remoteAddr(ctx.channel()));
            ctx.channel().attr(REFUSED).set(Boolean.TRUE);
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.decrementAndGet();
        if (ctx.channel().attr(REFUSED).get() == null) {
            super.channelInactive(ctx);
        }
    }
}
