package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RemotingCommandCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link RemotingCommand} as one length-prefixed frame. The header is encoded first so
 * the buffer is allocated at its final size: a route body of a few KB would otherwise outgrow the
 * default first buffer and be copied once more while it is written
 * ({@link RemotingCommandCodec#encode(RemotingCommand, io.netty.buffer.ByteBufAllocator)}).
 */
@ChannelHandler.Sharable
public class NettyEncoder extends ChannelOutboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof RemotingCommand cmd)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf out;
        try {
            out = RemotingCommandCodec.encode(cmd, ctx.alloc());
        } catch (RuntimeException e) {
            LOG.error("encode exception to {}: {}", RemotingHelper.remoteAddr(ctx.channel()), cmd, e);
            promise.tryFailure(e);
            ctx.close();
            return;
        }
        ctx.write(out, promise);
    }
}
