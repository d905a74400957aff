package io.namesrv.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.ProtocolDetectionResult;
import io.netty.handler.codec.ProtocolDetectionState;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import java.util.List;

/**
 * Sniffs a HAProxy PROXY protocol preamble (v1 text "PROXY ", v2 binary signature) at the start
 * of a connection. When present, the proxy decoders are inserted so the real client address is
 * recorded; either way this handler removes itself after the first decision. A RocketMQ frame
 * starts with the high byte of its length (0x00) and TLS with 0x16, so neither is mistaken.
 */
public final class HandshakeHandler extends ByteToMessageDecoder {

    private static final byte V1_FIRST = 'P';
    private static final byte V2_FIRST = 0x0D;
    private static final int V2_SIGNATURE_LENGTH = 12;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        byte first = in.getByte(in.readerIndex());
        if (first == V1_FIRST || first == V2_FIRST) {
            if (in.readableBytes() < V2_SIGNATURE_LENGTH) {
                return;
            }
            ProtocolDetectionResult<HAProxyProtocolVersion> result = HAProxyMessageDecoder.detectProtocol(in);
            if (result.state() == ProtocolDetectionState.DETECTED) {
                ctx.pipeline().addAfter(ctx.name(), "haproxyHandler", new ProxyMessageHandler());
                ctx.pipeline().addAfter(ctx.name(), "haproxyDecoder", new HAProxyMessageDecoder());
            }
        }
        ctx.pipeline().remove(this);
    }
}
