package io.namesrv.remoting.netty;

import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.netty.tls.TlsMode;
import io.namesrv.remoting.netty.tls.TlsModeHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The server's pipeline, in order. On the selector thread: the connection limit, flush
 * consolidation, the PROXY preamble sniffer and (unless TLS is off) the TLS sniffer. Then, on the
 * codec group when there is one (M1): the codec, the idle timer and its closer, the life-cycle
 * events, back-pressure, and the hand-off to the dispatcher.
 */
final class ServerChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** What every pipeline shares: sharable handlers and the settings they are built from. */
    record Parts(ChannelGroup connections, ConnectionLimiter limiter, ServerTls tls, EventExecutorGroup codecGroup,
                 int maxFrameLength, int maxHeaderLength, int idleSeconds, ConnectionEvents events, ServerRequestHandler requests) {
    }

    private final Parts parts;
    private final NettyEncoder encoder = new NettyEncoder();

    ServerChannelInitializer(Parts parts) {
        this.parts = parts;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        parts.connections().add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast("connectionLimiter", parts.limiter());
        // Answers written while a read batch is processed (cached routes, answered inline) leave
        // in one write at the end of the batch, not one syscall each.
        p.addLast("flushConsolidation", new FlushConsolidationHandler(
            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
        p.addLast("handshakeHandler", new HandshakeHandler());
        ServerTls tls = parts.tls();
        if (tls.mode() != TlsMode.DISABLED) {
            p.addLast("tlsModeHandler", new TlsModeHandler(tls.mode(), tls::sslContext));
        }
        EventExecutorGroup codec = parts.codecGroup();
        p.addLast(codec, "encoder", encoder);
        p.addLast(codec, "decoder", new NettyDecoder(parts.maxFrameLength(), parts.maxHeaderLength()));
        p.addLast(codec, "idleStateHandler", new IdleStateHandler(0, 0, parts.idleSeconds()));
        p.addLast(codec, "idleCloser", IdleCloser.INSTANCE);
        p.addLast(codec, "connectionEvents", parts.events());
        p.addLast(codec, "backPressure", BackPressure.INSTANCE);
        p.addLast(codec, "serverHandler", parts.requests());
    }
}
