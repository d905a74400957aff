package io.namesrv.namesrv.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * A client must take its answers before it gets more: while the answers already written wait to
 * be taken (the channel is not writable) no more is read, and a request already decoded is not
 * answered but the connection closed. A client that pipelines requests and never reads would
 * otherwise make the server compute and hold an answer (kilobytes) for every few bytes it sends.
 * Sits behind the aggregator, so it sees whole requests.
 */
@ChannelHandler.Sharable
final class SlowReaderGuard extends ChannelInboundHandlerAdapter {

    static final SlowReaderGuard INSTANCE = new SlowReaderGuard();

    private SlowReaderGuard() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest && !ctx.channel().isWritable()) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        super.channelWritabilityChanged(ctx);
    }
}
