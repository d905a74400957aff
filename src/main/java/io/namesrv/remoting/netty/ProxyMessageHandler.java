package io.namesrv.remoting.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.util.AttributeKey;

/** Records the client address a PROXY preamble reports, then leaves the pipeline. */
public final class ProxyMessageHandler extends ChannelInboundHandlerAdapter {

    /** The real client's {@code host:port} behind a proxy, when a PROXY preamble said so. */
    public static final AttributeKey<String> PROXY_SOURCE_ADDRESS = AttributeKey.valueOf("proxySourceAddress");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HAProxyMessage proxy) {
            try {
                if (proxy.sourceAddress() != null) {
                    ctx.channel().attr(PROXY_SOURCE_ADDRESS).set(proxy.sourceAddress() + ":" + proxy.sourcePort());
                }
            } finally {
                proxy.release();
            }
            ctx.pipeline().remove(this);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
