package io.namesrv.bench;

import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.NettyDecoder;
import io.namesrv.remoting.netty.NettyEncoder;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling: a bare Netty server on the same frames. It decodes each request with the
 * project's codec and answers at once, on the event loop, with a fixed body (a real route
 * answer, so the response is as large as the name server's), flushing once per read batch as the
 * name server does. No executor hop, no lookup.
 */
final class EchoServer implements AutoCloseable {

    private final EventLoopGroup boss = new NioEventLoopGroup(1, new NamedThreadFactory("BenchEchoBoss_", true, 1));
    private final EventLoopGroup workers = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors(),
        new NamedThreadFactory("BenchEchoWorker_", true, 1));
    private final Channel channel;

    EchoServer(byte[] body) throws InterruptedException {
        NettyEncoder encoder = new NettyEncoder();
        Responder responder = new Responder(body);
        channel = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    // The name server consolidates flushes within a read batch; the ceiling does too.
                    ch.pipeline().addLast(new FlushConsolidationHandler(
                        FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false),
                        encoder, new NettyDecoder(NettyDecoder.configuredMaxFrameLength()), responder);
                }
            })
            .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    String address() {
        return "127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    @ChannelHandler.Sharable
    private static final class Responder extends SimpleChannelInboundHandler<RemotingCommand> {
        private final byte[] body;

        Responder(byte[] body) {
            this.body = body;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand request) {
            RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(body);
            response.setOpaque(request.getOpaque());
            response.setVersion(request.getVersion());
            ctx.writeAndFlush(response);
        }
    }
}
