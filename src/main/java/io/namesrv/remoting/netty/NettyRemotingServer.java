package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.FatalErrorListener;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.netty.tls.TlsMode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "1 + n + M1 + M2" reactor: one acceptor thread, {@code serverSelectorThreads} selector
 * threads, an M1 group of {@code serverWorkerThreads} for codec, idle and connection handlers, and
 * per-processor business executors (M2) owned by whoever registers the processors.
 */
public class NettyRemotingServer {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);
    private static final long SHUTDOWN_QUIET_MILLIS = 100;
    /**
     * Used when the water marks are not configured: a route answer of a large cluster fits below
     * the high mark, and a peer that stops reading pauses our reading of it (autoRead) before
     * much piles up.
     */
    static final int DEFAULT_WRITE_BUFFER_LOW_WATER_MARK = 256 * 1024;
    static final int DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK = 1024 * 1024;
    /** A connection with this many high-water marks of answers unsent does not read: it is closed. */
    static final int UNSENT_BYTES_PER_HIGH_WATER_MARK = 16;

    private final NettyServerConfig config;
    private final ServerTls tls;
    private final RequestDispatcher dispatcher;
    private final NettyEventExecutor eventExecutor;
    private final ConnectionLimiter connectionLimiter;
    private final ConnectionEvents connectionEvents;
    private final int maxFrameLength = NettyDecoder.configuredMaxFrameLength();

    private EventLoopGroup bossGroup;
    private EventLoopGroup selectorGroup;
    private EventExecutorGroup workerGroup;
    private volatile Channel serverChannel;
    /** Accepted connections, closed first on shutdown while every group still runs. */
    private final ChannelGroup connections = new DefaultChannelGroup("namesrv-connections", GlobalEventExecutor.INSTANCE);
    private volatile int port;
    private volatile FatalErrorListener fatalErrors = FatalErrorListener.NONE;
    private volatile boolean shuttingDown;

    public NettyRemotingServer(NettyServerConfig config, ChannelEventListener listener, WireIdentity identity,
                               ServerTls tls) {
        this.config = config;
        this.tls = tls == null ? ServerTls.disabled() : tls;
        this.dispatcher = new RequestDispatcher(identity, config.getServerMaxPendingRequestsPerConnection(),
            config.getRequestMaxQueueWaitMillis(), (long) UNSENT_BYTES_PER_HIGH_WATER_MARK * waterMark(config).high());
        this.connectionLimiter = new ConnectionLimiter(config.getServerMaxConnections());
        this.eventExecutor = listener == null ? null : new NettyEventExecutor(listener, this::reportFatal);
        this.connectionEvents = new ConnectionEvents(eventExecutor, this::reportFatal);
        this.dispatcher.setFatalErrorListener(this::reportFatal);
    }

    /** Told about heap exhaustion seen while serving and about essential threads dying (null means none). */
    public void setFatalErrorListener(FatalErrorListener listener) {
        this.fatalErrors = listener == null ? FatalErrorListener.NONE : listener;
    }

    private void reportFatal(String where, Throwable error) {
        fatalErrors.onFatalError(where, error);
    }

    /**
     * What has stopped that this server cannot serve without, or null while all of it runs (and
     * once {@link #shutdown()} began): the listening socket, the acceptor, a selector or codec
     * thread, the channel event thread. Netty's event loops survive nearly anything thrown at
     * them, and the rare thing that ends one leaves the server half alive (its connections or
     * its port served by nobody) without any exception reaching us, so the owner polls this.
     */
    public String failure() {
        Channel listening = serverChannel;
        if (shuttingDown || listening == null) {
            return null;
        }
        String stopped = firstStopped(bossGroup, "the acceptor thread");
        if (stopped == null) {
            stopped = firstStopped(selectorGroup, "a selector thread");
        }
        if (stopped == null) {
            stopped = firstStopped(workerGroup, "a codec thread");
        }
        if (stopped != null) {
            return stopped;
        }
        if (eventExecutor != null && !eventExecutor.isAlive()) {
            return "the channel event thread stopped";
        }
        return listening.isActive() ? null : "the listening socket closed";
    }

    private static String firstStopped(EventExecutorGroup group, String what) {
        if (group != null) {
            for (EventExecutor executor : group) {
                if (executor.isShuttingDown()) {
                    return what + " stopped";
                }
            }
        }
        return null;
    }

    /** Told about every finished request (for metrics); set before {@link #start()} or at any time. */
    public void setRequestListener(RequestListener listener) {
        dispatcher.setListener(listener);
    }

    /** Connections open right now (one over the limit counts for the moment before it is closed). */
    public int connectionCount() {
        return connectionLimiter.openConnections();
    }

    /** True from a successful bind until {@link #shutdown()} closes the listening socket. */
    public boolean isListening() {
        Channel channel = serverChannel;
        return channel != null && channel.isActive();
    }

    public void registerProcessor(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        dispatcher.register(requestCode, processor, executor);
    }

    public void registerDefaultProcessor(NettyRequestProcessor processor, ExecutorService executor) {
        dispatcher.registerDefault(processor, executor);
    }

    /** The default processor with its own queue-wait limit (see {@link RequestDispatcher}). */
    public void registerDefaultProcessor(NettyRequestProcessor processor, ExecutorService executor,
                                         long maxQueueWaitMillis) {
        dispatcher.registerDefault(processor, executor, maxQueueWaitMillis);
    }

    /** As above, holding at most {@code maxBodyBytesInFlight} bytes of request bodies queued or in progress. */
    public void registerDefaultProcessor(NettyRequestProcessor processor, ExecutorService executor,
                                         long maxQueueWaitMillis, long maxBodyBytesInFlight) {
        dispatcher.registerDefault(processor, executor, maxQueueWaitMillis, maxBodyBytesInFlight);
    }

    /** Binds and starts serving; throws if the address cannot be bound. */
    public void start() throws InterruptedException {
        boolean epoll = config.isUseEpollNativeSelector() && Epoll.isAvailable();
        if (epoll) {
            bossGroup = new EpollEventLoopGroup(1, new NamedThreadFactory("NettyEPOLLBoss_", false, 1));
            selectorGroup = new EpollEventLoopGroup(config.getServerSelectorThreads(),
                new NamedThreadFactory("NettyServerEPOLLSelector_", false, 1));
        } else {
            bossGroup = new NioEventLoopGroup(1, new NamedThreadFactory("NettyNIOBoss_", false, 1));
            selectorGroup = new NioEventLoopGroup(config.getServerSelectorThreads(),
                new NamedThreadFactory("NettyServerNIOSelector_", false, 1));
        }
        if (config.isServerNettyWorkerGroupEnable()) {
            workerGroup = new DefaultEventExecutorGroup(config.getServerWorkerThreads(),
                new NamedThreadFactory("NettyServerCodecThread_", false, 1));
        }
        if (tls.mode() != TlsMode.DISABLED) {
            LOG.info("Server is running in TLS {} mode", tls.mode().name().toLowerCase());
        }
        ServerChannelInitializer pipeline = new ServerChannelInitializer(new ServerChannelInitializer.Parts(
            connections, connectionLimiter, tls, workerGroup, maxFrameLength, config.getServerMaxRequestHeaderBytes(),
            config.getServerChannelMaxIdleTimeSeconds(), connectionEvents, new ServerRequestHandler(dispatcher)));
        ServerBootstrap bootstrap = new ServerBootstrap()
            .group(bossGroup, selectorGroup)
            .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, config.getServerSocketBacklog())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.SO_KEEPALIVE, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOCATOR, config.isServerPooledByteBufAllocatorEnable()
                ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT)
            .childHandler(pipeline);
        if (config.getServerSocketSndBufSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, config.getServerSocketSndBufSize());
        }
        if (config.getServerSocketRcvBufSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_RCVBUF, config.getServerSocketRcvBufSize());
        }
        bootstrap.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(config));
        bootstrap.childOption(ChannelOption.MESSAGE_SIZE_ESTIMATOR, CommandSizeEstimator.INSTANCE);
        if (eventExecutor != null) {
            eventExecutor.start();
        }
        try {
            serverChannel = ServerBinding.bind(bootstrap, config.getBindAddress(), config.getListenPort());
        } catch (RuntimeException | InterruptedException e) {
            shutdown();
            throw e;
        }
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The configured water marks, or the defaults when either is unset (0) or they are inverted. */
    static WriteBufferWaterMark waterMark(NettyServerConfig config) {
        int low = config.getWriteBufferLowWaterMark();
        int high = config.getWriteBufferHighWaterMark();
        if (low <= 0 || high <= 0 || low > high) {
            return new WriteBufferWaterMark(DEFAULT_WRITE_BUFFER_LOW_WATER_MARK, DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK);
        }
        return new WriteBufferWaterMark(low, high);
    }

    /** Requests dropped unanswered because they waited past their caller's timeout or lost their connection. */
    public long droppedStaleRequests() {
        return dispatcher.droppedStaleRequests();
    }

    /** The port actually bound (useful with {@code listenPort=0}). */
    public int localPort() {
        return port;
    }

    /** Stops accepting, closes connections and stops every thread this server started. */
    public void shutdown() {
        shuttingDown = true;
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
        connections.close().awaitUninterruptibly(3, TimeUnit.SECONDS);
        // Start all groups' shutdown together, with a short quiet period: a closing channel's
        // events hop between the selector (pipeline tail) and the codec group, and a group that
        // terminated first would reject the other's last events (logged as exceptions).
        List<Future<?>> terminations = new ArrayList<>();
        for (EventExecutorGroup group : new EventExecutorGroup[] {bossGroup, selectorGroup, workerGroup}) {
            if (group != null) {
                terminations.add(group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, 2000, TimeUnit.MILLISECONDS));
            }
        }
        terminations.forEach(f -> f.awaitUninterruptibly(5, TimeUnit.SECONDS));
        if (eventExecutor != null) {
            eventExecutor.shutdown();
        }
    }
}
