package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RemotingCommandCodec;
import io.namesrv.remoting.protocol.RemotingCommandException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the byte stream into frames by their 4-byte length and decodes each into a
 * {@link RemotingCommand}. A frame over the limit, a negative length or an undecodable header
 * closes this connection (Apache sends no error response either) and is logged; other
 * connections are untouched. An oversized length fails at once ("fail fast"): without it the
 * decoder would silently swallow up to 2 GiB before giving up, keeping a hostile connection open.
 */
public class NettyDecoder extends LengthFieldBasedFrameDecoder {

    /** Default largest frame, overridable with {@code -Dcom.rocketmq.remoting.frameMaxLength}. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);

    private final int maxHeaderLength;

    public NettyDecoder(int maxFrameLength) {
        this(maxFrameLength, RemotingCommandCodec.MAX_HEADER_LENGTH);
    }

    /** A header longer than {@code maxHeaderLength} closes the connection before it is decoded. */
    public NettyDecoder(int maxFrameLength, int maxHeaderLength) {
        super(maxFrameLength, 0, 4, 0, 4, true);
        this.maxHeaderLength = maxHeaderLength;
    }

    /** The limit from {@code com.rocketmq.remoting.frameMaxLength}, or 16 MiB. */
    public static int configuredMaxFrameLength() {
        return Integer.getInteger("com.rocketmq.remoting.frameMaxLength", DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * Once a frame's length and header-length fields are in, a header over the limit fails the
     * frame at once: waiting for the whole frame would buffer up to 16 MiB for nothing.
     */
    private void refuseOversizedHeader(ByteBuf in) throws RemotingCommandException {
        if (in.readableBytes() >= 8) {
            int headerLength = in.getInt(in.readerIndex() + 4) & RemotingCommandCodec.MAX_HEADER_LENGTH;
            if (headerLength > maxHeaderLength) {
                throw new RemotingCommandException("header of " + headerLength + " bytes, over the limit of "
                    + maxHeaderLength + " (serverMaxRequestHeaderBytes)");
            }
        }
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) {
        ByteBuf frame = null;
        try {
            refuseOversizedHeader(in);
            frame = (ByteBuf) super.decode(ctx, in);
            if (frame == null) {
                return null;
            }
            return RemotingCommandCodec.decode(frame, maxHeaderLength);
        } catch (Exception e) {
            LOG.warn("decode exception from {}, closing the connection: {}", RemotingHelper.remoteAddr(ctx.channel()), e.toString());
            in.skipBytes(in.readableBytes());
            ctx.close();
            return null;
        } finally {
            if (frame != null) {
                frame.release();
            }
        }
    }
}
