package io.namesrv.namesrv.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that does not keep pace: a whole request must arrive within
 * {@code requestMillis} of the connection opening or of the previous answer being sent, and an
 * answer must be taken by the client within {@code answerMillis}. A read timeout would not do:
 * slowloris keeps it alive with a byte now and then, and a scraper that never reads sends nothing.
 * Sits behind the aggregator, so it sees whole requests, and in front of the handler, so it sees
 * the answers.
 */
final class RequestDeadline extends ChannelDuplexHandler {

    private final long requestMillis;
    private final long answerMillis;
    private ScheduledFuture<?> deadline;

    RequestDeadline(long requestMillis, long answerMillis) {
        this.requestMillis = requestMillis;
        this.answerMillis = answerMillis;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx, requestMillis);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest) {
            arm(ctx, answerMillis);
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse) {
            promise = promise.unvoid();
            promise.addListener(f -> {
                if (f.isSuccess()) {
                    arm(ctx, requestMillis);
                }
            });
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    /** Runs on the channel's event loop, like every call above. */
    private void arm(ChannelHandlerContext ctx, long millis) {
        cancel();
        if (ctx.channel().isActive()) {
            deadline = ctx.executor().schedule(() -> ctx.close(), millis, TimeUnit.MILLISECONDS);
        }
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
