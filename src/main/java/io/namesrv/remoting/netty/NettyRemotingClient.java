package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.RemotingConnectException;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.RemotingSendRequestException;
import io.namesrv.remoting.RemotingTimeoutException;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RocketMQ remoting client: synchronous, asynchronous and oneway calls, one reused connection
 * per address, and a {@code ;}-separated name-server list with failover when an address cannot
 * be reached. Each client numbers its own requests (opaque).
 */
public class NettyRemotingClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);
    private static final long SHUTDOWN_QUIET_MILLIS = 100;

    private final NettyClientConfig config;
    private final WireIdentity identity;
    private final EventLoopGroup selectorGroup;
    /** False when the selector group was given to us: its owner shuts it down. */
    private final boolean ownsSelectorGroup;
    private final DefaultEventExecutorGroup workerGroup;
    private final ScheduledExecutorService timer;
    private final Bootstrap bootstrap;
    private final AtomicInteger opaqueSequence = new AtomicInteger();
    private final Map<String, ChannelFuture> channels = new ConcurrentHashMap<>();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final List<String> nameServers = new CopyOnWriteArrayList<>();
    private final AtomicInteger nameServerIndex = new AtomicInteger();

    private record Pending(Channel channel, String addr, CompletableFuture<RemotingCommand> future) {
    }

    public NettyRemotingClient(NettyClientConfig config, WireIdentity identity) {
        this(config, identity, null);
    }

    /** A client that speaks TLS to every server when {@code sslContext} is given. */
    public NettyRemotingClient(NettyClientConfig config, WireIdentity identity, SslContext sslContext) {
        this(config, identity, sslContext, null);
    }

    /**
     * A client whose connections run on {@code sharedSelectors} (NIO), so that several clients
     * can share a few threads; null gives it a selector thread of its own. A shared group is
     * left running by {@link #close()}.
     */
    public NettyRemotingClient(NettyClientConfig config, WireIdentity identity, SslContext sslContext,
                               EventLoopGroup sharedSelectors) {
        this.config = config;
        this.identity = identity;
        this.ownsSelectorGroup = sharedSelectors == null;
        this.selectorGroup = sharedSelectors != null ? sharedSelectors
            : new NioEventLoopGroup(1, new NamedThreadFactory("NettyClientSelector_", true, 1));
        // No worker threads: codec and handlers run on the selector, saving a thread hop per call.
        this.workerGroup = config.getClientWorkerThreads() <= 0 ? null : new DefaultEventExecutorGroup(
            config.getClientWorkerThreads(), new NamedThreadFactory("NettyClientWorkerThread_", true, 1));
        ScheduledThreadPoolExecutor timeouts =
            new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("NettyClientTimer_", true, 1));
        // An answered call cancels its timeout; without this every cancelled one would stay
        // queued for its full timeout, so a busy async caller would pile up tens of thousands.
        timeouts.setRemoveOnCancelPolicy(true);
        this.timer = timeouts;
        this.bootstrap = new Bootstrap().group(selectorGroup).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.getConnectTimeoutMillis())
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .handler(new ClientChannelInitializer(sslContext, workerGroup, config.getClientChannelMaxIdleTimeSeconds(),
                new ResponseHandler()));
    }

    /** Sets the name servers used when a call names no address. */
    public void updateNameServerAddressList(List<String> addrs) {
        nameServers.clear();
        nameServers.addAll(addrs);
    }

    public List<String> getNameServerAddressList() {
        return List.copyOf(nameServers);
    }

    /** Sends and waits for the answer; {@code addr == null} means "a name server, with failover". */
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        if (addr != null) {
            return invokeSyncOnce(addr, request, timeoutMillis);
        }
        List<String> servers = getNameServerAddressList();
        if (servers.isEmpty()) {
            throw new RemotingConnectException("<no name server address configured>");
        }
        RemotingConnectException last = null;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (int attempt = 0; attempt < servers.size(); attempt++) {
            int raw = nameServerIndex.get();
            int i = Math.floorMod(raw, servers.size());
            String server = servers.get(i);
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new RemotingTimeoutException(server, timeoutMillis);
            }
            try {
                return invokeSyncOnce(server, request, left);
            } catch (RemotingConnectException e) {
                last = e;
                // Advance from the raw value we read: comparing with the wrapped index never
                // matched once the counter had passed the list size, so failover stopped.
                nameServerIndex.compareAndSet(raw, raw + 1);
            }
        }
        throw last;
    }

    private RemotingCommand invokeSyncOnce(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        long start = System.nanoTime();
        Channel channel = channel(addr, timeoutMillis);
        long left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (left <= 0) {
            throw new RemotingTimeoutException(addr, timeoutMillis);
        }
        CompletableFuture<RemotingCommand> future = send(addr, channel, request);
        try {
            return future.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.remove(request.getOpaque());
            throw new RemotingTimeoutException(addr, timeoutMillis);
        } catch (ExecutionException e) {
            throw asRemotingException(addr, e.getCause());
        }
    }

    /** Sends and calls back on the client's worker thread when the answer (or failure) arrives. */
    public void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingException {
        Channel channel = channel(addr, timeoutMillis);
        CompletableFuture<RemotingCommand> future = send(addr, channel, request);
        int opaque = request.getOpaque();
        var timeout = timer.schedule(() -> {
            if (pending.remove(opaque) != null) {
                future.completeExceptionally(new RemotingTimeoutException(addr, timeoutMillis));
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        future.whenComplete((response, error) -> {
            timeout.cancel(false);
            if (error == null) {
                callback.onSuccess(response);
            } else {
                callback.onFailure(asRemotingException(addr, error));
            }
        });
    }

    /** Sends a request that gets no answer; waits only for the write. */
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        Channel channel = channel(addr, timeoutMillis);
        stamp(request);
        request.markOneway();
        ChannelFuture write = channel.writeAndFlush(request);
        if (!write.await(timeoutMillis)) {
            throw new RemotingTimeoutException(addr, timeoutMillis);
        }
        if (!write.isSuccess()) {
            throw new RemotingSendRequestException(addr, write.cause());
        }
    }

    /**
     * Sends a request that gets no answer without blocking the caller at all: connecting (when
     * needed, bounded by {@code connectTimeoutMillis}) and writing happen on the client's
     * selector. The future completes once the request is written to the connection, and fails
     * if the address cannot be reached or the write fails. So a dead or stuck address costs its
     * caller nothing, and other addresses' requests never wait behind it; bounding how many such
     * sends may be under way is the caller's business.
     */
    public CompletableFuture<Void> invokeOnewayAsync(String addr, RemotingCommand request) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        ChannelFuture connection;
        try {
            connection = connection(addr);
        } catch (RemotingConnectException e) {
            written.completeExceptionally(e);
            return written;
        }
        stamp(request);
        request.markOneway();
        connection.addListener(connected -> {
            Channel channel = connection.channel();
            if (!connected.isSuccess() || !channel.isActive()) {
                written.completeExceptionally(new RemotingConnectException(addr, connected.cause()));
                return;
            }
            channel.writeAndFlush(request).addListener(write -> {
                if (write.isSuccess()) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(new RemotingSendRequestException(addr, write.cause()));
                }
            });
        });
        return written;
    }

    private void stamp(RemotingCommand request) {
        request.setOpaque(opaqueSequence.incrementAndGet());
        request.setVersion(identity.version());
        request.setSerializeTypeCurrentRPC(identity.serializeType());
    }

    private CompletableFuture<RemotingCommand> send(String addr, Channel channel, RemotingCommand request) {
        stamp(request);
        CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        if (pending.size() >= config.getClientMaxPendingRequests()) {
            // Each entry lives until its answer or timeout: the bound keeps a stalled peer from
            // growing the table without limit.
            future.completeExceptionally(new RemotingSendRequestException(addr, new IllegalStateException(
                pending.size() + " requests already await an answer")));
            return future;
        }
        pending.put(request.getOpaque(), new Pending(channel, addr, future));
        channel.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess() && pending.remove(request.getOpaque()) != null) {
                future.completeExceptionally(new RemotingSendRequestException(addr, f.cause()));
            }
        });
        return future;
    }

    private static RemotingException asRemotingException(String addr, Throwable cause) {
        return cause instanceof RemotingException re ? re : new RemotingException("call to " + addr + " failed", cause);
    }

    /** The open connection to {@code addr}, connecting first when needed. */
    private Channel channel(String addr, long timeoutMillis) throws InterruptedException, RemotingConnectException {
        ChannelFuture future = connection(addr);
        if (future.isDone() && future.isSuccess() && future.channel().isActive()) {
            return future.channel();
        }
        long wait = Math.min(timeoutMillis, config.getConnectTimeoutMillis());
        if (!future.await(Math.max(1, wait)) || !future.isSuccess() || !future.channel().isActive()) {
            if (future.isDone()) {
                channels.remove(addr, future);
            }
            throw new RemotingConnectException(addr, future.cause());
        }
        return future.channel();
    }

    /** The connection to {@code addr}: the open or pending one, or a connect started now (never waits). */
    private ChannelFuture connection(String addr) throws RemotingConnectException {
        if (addr == null) {
            throw new RemotingConnectException("<null>");
        }
        ChannelFuture existing = channels.get(addr);
        if (existing != null && (!existing.isDone() || existing.channel().isActive())) {
            return existing;
        }
        ChannelFuture future;
        synchronized (channels) {
            existing = channels.get(addr);
            if (existing == null || (existing.isDone() && !existing.channel().isActive())) {
                try {
                    future = bootstrap.connect(RemotingHelper.toSocketAddress(addr));
                } catch (IllegalArgumentException e) {
                    throw new RemotingConnectException(addr, e);
                }
                channels.put(addr, future);
                future.channel().closeFuture().addListener(f -> {
                    channels.remove(addr, future);
                    failPending(future.channel());
                });
            } else {
                future = existing;
            }
        }
        return future;
    }

    private void failPending(Channel channel) {
        pending.values().removeIf(p -> {
            if (p.channel() == channel) {
                p.future().completeExceptionally(new RemotingException("connection to " + p.addr() + " closed"));
                return true;
            }
            return false;
        });
    }

    /** Closes the connection to one address (e.g. after it timed out). */
    public void closeChannel(String addr) {
        ChannelFuture f = channels.remove(addr);
        if (f != null) {
            f.channel().close();
        }
    }

    @Override
    public void close() {
        for (ChannelFuture f : channels.values()) {
            f.channel().close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        channels.clear();
        timer.shutdownNow();
        // Both groups together, with a short quiet period: a closing channel's events hop between
        // the selector (pipeline tail) and the worker group; neither may terminate first.
        var selectorDone = ownsSelectorGroup
            ? selectorGroup.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, 1000, TimeUnit.MILLISECONDS)
            : selectorGroup.next().newSucceededFuture(null);
        var workerDone = workerGroup == null ? null
            : workerGroup.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, 1000, TimeUnit.MILLISECONDS);
        selectorDone.awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (workerDone != null) {
            workerDone.awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
        pending.values().forEach(p -> p.future().completeExceptionally(new RemotingException("client closed")));
        pending.clear();
    }

    /** Completes the call waiting for each answer; shared by every connection of this client. */
    @ChannelHandler.Sharable
    private final class ResponseHandler extends SimpleChannelInboundHandler<RemotingCommand> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand cmd) {
            if (!cmd.isResponse()) {
                LOG.debug("ignoring request code {} from server {}", cmd.getCode(), RemotingHelper.remoteAddr(ctx.channel()));
                return;
            }
            Pending p = pending.remove(cmd.getOpaque());
            if (p != null) {
                p.future().complete(cmd);
            } else {
                LOG.debug("response for unknown opaque {} from {}", cmd.getOpaque(), RemotingHelper.remoteAddr(ctx.channel()));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("client connection to {} failed: {}", RemotingHelper.remoteAddr(ctx.channel()), cause.toString());
            ctx.close();
        }
    }
}
