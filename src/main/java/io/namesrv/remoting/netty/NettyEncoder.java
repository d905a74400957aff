package io.namesrv.remoting.netty;

import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RemotingCommandCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a {@link RemotingCommand} as one length-prefixed frame. */
@ChannelHandler.Sharable
public class NettyEncoder extends MessageToByteEncoder<RemotingCommand> {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqRemoting");

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand cmd, ByteBuf out) {
        try {
            RemotingCommandCodec.encode(cmd, out);
        } catch (RuntimeException e) {
            LOG.error("encode exception to {}: {}", RemotingHelper.remoteAddr(ctx.channel()), cmd, e);
            ctx.close();
        }
    }
}
