package io.namesrv.namesrv.http;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.ConnectionLimiter;
import io.namesrv.remoting.netty.ServerBinding;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations HTTP endpoint on its own port and its own small event loop (threads
 * {@code NamesrvHttp_1..2}), apart from the remoting reactor, so a slow scraper or browser can
 * never delay a broker or client request. Netty's HTTP codec does the protocol.
 */
public final class OpsHttpServer {

    /** Requests are GETs: a larger one is refused by the aggregator with 413. */
    private static final int MAX_REQUEST_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    private final HttpConfig config;
    private final OpsHttpHandler handler;
    private final ConnectionLimiter connections;
    private EventLoopGroup group;
    private volatile Channel serverChannel;

    /** Open to every reader (authentication off). */
    public OpsHttpServer(HttpConfig config, OpsEndpoints endpoints) {
        this(config, endpoints, HttpAccess.OPEN);
    }

    /** {@code access} decides who may read what (see {@link HttpAccess}). */
    public OpsHttpServer(HttpConfig config, OpsEndpoints endpoints, HttpAccess access) {
        this.config = config;
        this.handler = new OpsHttpHandler(endpoints, access);
        this.connections = new ConnectionLimiter(config.getHttpMaxConnections(), LOG);
    }

    /** Binds; throws if the address cannot be bound. */
    public void start() throws InterruptedException {
        group = new NioEventLoopGroup(2, new NamedThreadFactory("NamesrvHttp_", true, 1));
        ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(connections)
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                        .addLast(SlowReaderGuard.INSTANCE)
                        .addLast(new RequestDeadline(config.getHttpRequestTimeoutMillis(),
                            config.getHttpAnswerTimeoutMillis()))
                        .addLast(handler);
                }
            });
        try {
            serverChannel = ServerBinding.bind(bootstrap, config.getHttpBindAddress(), config.getHttpListenPort());
        } catch (RuntimeException | InterruptedException e) {
            shutdown();
            throw e;
        }
    }

    /**
     * The address bound, as the host part of a URL (e.g. {@code 127.0.0.1}, {@code [::1]}); every
     * interface, which Java reports as the IPv6 wildcard {@code 0:0:0:0:0:0:0:0}, as {@code 0.0.0.0},
     * as the remoting boot line says it. Null before start.
     */
    public String boundHost() {
        Channel channel = serverChannel;
        if (channel == null) {
            return null;
        }
        InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
        if (bound.getAddress() != null && bound.getAddress().isAnyLocalAddress()) {
            return "0.0.0.0";
        }
        String host = bound.getHostString();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** HTTP connections open now (refused ones for a moment too). */
    public int openConnections() {
        return connections.openConnections();
    }

    /** The port bound (useful with {@code httpListenPort=0}); -1 before start. */
    public int localPort() {
        Channel channel = serverChannel;
        return channel == null ? -1 : ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** True from a successful bind until {@link #shutdown()}, while the socket and the event loop threads last. */
    public boolean isListening() {
        Channel channel = serverChannel;
        if (channel == null || !channel.isActive() || group == null) {
            return false;
        }
        for (EventExecutor executor : group) {
            if (executor.isShuttingDown()) {
                return false;
            }
        }
        return true;
    }

    public void shutdown() {
        Channel channel = serverChannel;
        if (channel != null) {
            channel.close().awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
