package io.namesrv.remoting.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The client's pipeline, in order: TLS (when the client speaks it), the codec, the idle timer and
 * its closer, and the handler that matches answers to waiting calls. Without a worker group
 * everything runs on the selector thread, saving a thread hop per call.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final SslContext sslContext;
    private final EventExecutorGroup workerGroup;
    private final int idleSeconds;
    private final ChannelHandler responses;
    private final NettyEncoder encoder = new NettyEncoder();
    private final int maxFrameLength = NettyDecoder.configuredMaxFrameLength();

    /** {@code sslContext} and {@code workerGroup} may be null; {@code responses} must be sharable. */
    ClientChannelInitializer(SslContext sslContext, EventExecutorGroup workerGroup, int idleSeconds,
                             ChannelHandler responses) {
        this.sslContext = sslContext;
        this.workerGroup = workerGroup;
        this.idleSeconds = idleSeconds;
        this.responses = responses;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        if (sslContext != null) {
            p.addLast("sslHandler", sslContext.newHandler(ch.alloc()));
        }
        p.addLast(workerGroup, "encoder", encoder);
        p.addLast(workerGroup, "decoder", new NettyDecoder(maxFrameLength));
        p.addLast(workerGroup, "idle", new IdleStateHandler(0, 0, idleSeconds));
        p.addLast(workerGroup, "idleCloser", IdleCloser.INSTANCE);
        p.addLast(workerGroup, "handler", responses);
    }
}
