package io.namesrv.remoting.netty;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Hands every decoded request to the dispatcher; stray responses are ignored. */
@ChannelHandler.Sharable
final class ServerRequestHandler extends SimpleChannelInboundHandler<RemotingCommand> {

    private final RequestDispatcher dispatcher;

    ServerRequestHandler(RequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand cmd) {
        if (!cmd.isResponse()) {
            dispatcher.dispatch(ctx.channel(), cmd);
        }
    }
}
