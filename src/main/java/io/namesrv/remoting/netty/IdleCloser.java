package io.namesrv.remoting.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes a connection that the {@code IdleStateHandler} before it reports idle in both directions,
 * after passing the event on (so the server's listener hears "idle" before "closed", whichever
 * thread runs the close). Server and client share it.
 */
@ChannelHandler.Sharable
final class IdleCloser extends ChannelInboundHandlerAdapter {

    static final IdleCloser INSTANCE = new IdleCloser();

    private IdleCloser() {
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        super.userEventTriggered(ctx, evt);
        if (isAllIdle(evt)) {
            ctx.close();
        }
    }

    static boolean isAllIdle(Object evt) {
        return evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE;
    }
}
