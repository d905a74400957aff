package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.RemotingHelper;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops reading from a peer while our answers to it pile up past the high water mark, and reads
 * again once they drained below the low one: a client that does not read cannot make us buffer
 * without bound (the dispatcher closes it if what is already queued grows too large).
 */
@ChannelHandler.Sharable
final class BackPressure extends ChannelInboundHandlerAdapter {

    static final BackPressure INSTANCE = new BackPressure();

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);

    private BackPressure() {
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        Channel channel = ctx.channel();
        boolean writable = channel.isWritable();
        if (channel.config().isAutoRead() != writable) {
            channel.config().setAutoRead(writable);
            LOG.debug("channel {} writable={}, autoRead follows", RemotingHelper.remoteAddr(channel), writable);
        }
        super.channelWritabilityChanged(ctx);
    }
}
