package io.namesrv.remoting.netty;

/**
 * Server socket and thread settings, with Apache's keys and defaults so that an Apache
 * {@code namesrv.properties} applies unchanged.
 */
public class NettyServerConfig implements Cloneable {

    /** 1 MiB: a thousand times the header of any request a broker, client or tool sends. */
    public static final int DEFAULT_MAX_REQUEST_HEADER_BYTES = 1024 * 1024;

    private String bindAddress = "0.0.0.0";
    private int listenPort = 0;
    private int serverWorkerThreads = 8;
    private int serverCallbackExecutorThreads = 0;
    /**
     * Apache's default is 3 on any machine. Ours: one per two cores, 1 to 3 (1 on 2 cores). Route
     * lookups are answered on the selectors, so a selector is busy rather than idle between
     * requests: one selector on 2 cores gathers several connections' requests per wake-up, where
     * three woke for one or two each and took the cores from the callers, the business executors
     * and the collector. Measured on 2 cores (docs/performance.md): p99 of lookups 1.0-1.3 ms with
     * 1 selector, 2.3-2.5 ms with 3 and 2.9-3.1 ms with 2, at 256,000 topics. Deliberate
     * difference, docs/compatibility.md; setting the key restores any count.
     */
    private int serverSelectorThreads = defaultSelectorThreads(Runtime.getRuntime().availableProcessors());
    private int serverOnewaySemaphoreValue = 256;
    private int serverAsyncSemaphoreValue = 64;
    private int serverChannelMaxIdleTimeSeconds = 120;
    private int serverSocketSndBufSize = Integer.getInteger("com.rocketmq.remoting.socket.sndbuf.size", 0);
    private int serverSocketRcvBufSize = Integer.getInteger("com.rocketmq.remoting.socket.rcvbuf.size", 0);
    private int writeBufferHighWaterMark = Integer.getInteger("com.rocketmq.remoting.write.buffer.high.water.mark", 0);
    private int writeBufferLowWaterMark = Integer.getInteger("com.rocketmq.remoting.write.buffer.low.water.mark", 0);
    private int serverSocketBacklog = Integer.getInteger("com.rocketmq.remoting.socket.backlog", 1024);
    /**
     * Apache's default is true: the codec and handlers then run on a separate group of
     * serverWorkerThreads, two thread hand-offs per request. A name server's requests are small
     * and its real work is on the business executors, so ours runs them on the selectors: half
     * the CPU per route lookup (docs/performance.md). Deliberate difference, docs/compatibility.md.
     */
    private boolean serverNettyWorkerGroupEnable = false;
    private boolean serverPooledByteBufAllocatorEnable = true;
    private boolean enableShutdownGracefully = false;
    private int shutdownWaitTimeSeconds = 30;
    private boolean useEpollNativeSelector = false;
    // Overload bounds of our own (Apache has none of these): see docs/reliability.md.
    /** Most open connections; a connection beyond it is closed at once. 0 or less: unbounded. */
    private int serverMaxConnections = 10_000;
    /** Most requests of one connection queued or running at once; beyond it SYSTEM_BUSY. 0 or less: unbounded. */
    private int serverMaxPendingRequestsPerConnection = 1024;
    /**
     * A request that waited in its executor's queue longer than this is dropped unanswered: the
     * caller (3 s default timeout) has given up on it. 0 or less: never dropped.
     */
    private long requestMaxQueueWaitMillis = 2500;
    /**
     * Largest request header (its serialized length in the frame); a frame with a bigger one closes
     * its connection before the header is decoded. Brokers' and clients' headers are under a few KB;
     * without a bound each frame could carry a 16 MiB header, and sixteen at once exhausted a 256 MB heap.
     */
    private int serverMaxRequestHeaderBytes = DEFAULT_MAX_REQUEST_HEADER_BYTES;

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("must be a port, 0 to 65535 (0: any free port)");
        }
        this.listenPort = listenPort;
    }

    public int getServerWorkerThreads() {
        return serverWorkerThreads;
    }

    public void setServerWorkerThreads(int serverWorkerThreads) {
        if (serverWorkerThreads < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.serverWorkerThreads = serverWorkerThreads;
    }

    public int getServerCallbackExecutorThreads() {
        return serverCallbackExecutorThreads;
    }

    public void setServerCallbackExecutorThreads(int serverCallbackExecutorThreads) {
        if (serverCallbackExecutorThreads < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        this.serverCallbackExecutorThreads = serverCallbackExecutorThreads;
    }

    /** The selector count when none is configured, for a machine of {@code cores} processors. */
    public static int defaultSelectorThreads(int cores) {
        return Math.max(1, Math.min(3, cores / 2));
    }

    public int getServerSelectorThreads() {
        return serverSelectorThreads;
    }

    public void setServerSelectorThreads(int serverSelectorThreads) {
        if (serverSelectorThreads < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.serverSelectorThreads = serverSelectorThreads;
    }

    public int getServerOnewaySemaphoreValue() {
        return serverOnewaySemaphoreValue;
    }

    public void setServerOnewaySemaphoreValue(int serverOnewaySemaphoreValue) {
        if (serverOnewaySemaphoreValue < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        this.serverOnewaySemaphoreValue = serverOnewaySemaphoreValue;
    }

    public int getServerAsyncSemaphoreValue() {
        return serverAsyncSemaphoreValue;
    }

    public void setServerAsyncSemaphoreValue(int serverAsyncSemaphoreValue) {
        if (serverAsyncSemaphoreValue < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        this.serverAsyncSemaphoreValue = serverAsyncSemaphoreValue;
    }

    public int getServerChannelMaxIdleTimeSeconds() {
        return serverChannelMaxIdleTimeSeconds;
    }

    public void setServerChannelMaxIdleTimeSeconds(int serverChannelMaxIdleTimeSeconds) {
        if (serverChannelMaxIdleTimeSeconds < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        this.serverChannelMaxIdleTimeSeconds = serverChannelMaxIdleTimeSeconds;
    }

    public int getServerSocketSndBufSize() {
        return serverSocketSndBufSize;
    }

    public void setServerSocketSndBufSize(int serverSocketSndBufSize) {
        if (serverSocketSndBufSize < 0) {
            throw new IllegalArgumentException("must not be negative (0: the OS default)");
        }
        this.serverSocketSndBufSize = serverSocketSndBufSize;
    }

    public int getServerSocketRcvBufSize() {
        return serverSocketRcvBufSize;
    }

    public void setServerSocketRcvBufSize(int serverSocketRcvBufSize) {
        if (serverSocketRcvBufSize < 0) {
            throw new IllegalArgumentException("must not be negative (0: the OS default)");
        }
        this.serverSocketRcvBufSize = serverSocketRcvBufSize;
    }

    public int getWriteBufferHighWaterMark() {
        return writeBufferHighWaterMark;
    }

    public void setWriteBufferHighWaterMark(int writeBufferHighWaterMark) {
        if (writeBufferHighWaterMark < 0) {
            throw new IllegalArgumentException("must not be negative (0: Netty's default)");
        }
        this.writeBufferHighWaterMark = writeBufferHighWaterMark;
    }

    public int getWriteBufferLowWaterMark() {
        return writeBufferLowWaterMark;
    }

    public void setWriteBufferLowWaterMark(int writeBufferLowWaterMark) {
        if (writeBufferLowWaterMark < 0) {
            throw new IllegalArgumentException("must not be negative (0: Netty's default)");
        }
        this.writeBufferLowWaterMark = writeBufferLowWaterMark;
    }

    public int getServerSocketBacklog() {
        return serverSocketBacklog;
    }

    public void setServerSocketBacklog(int serverSocketBacklog) {
        if (serverSocketBacklog < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.serverSocketBacklog = serverSocketBacklog;
    }

    public boolean isServerNettyWorkerGroupEnable() {
        return serverNettyWorkerGroupEnable;
    }

    public void setServerNettyWorkerGroupEnable(boolean serverNettyWorkerGroupEnable) {
        this.serverNettyWorkerGroupEnable = serverNettyWorkerGroupEnable;
    }

    public boolean isServerPooledByteBufAllocatorEnable() {
        return serverPooledByteBufAllocatorEnable;
    }

    public void setServerPooledByteBufAllocatorEnable(boolean serverPooledByteBufAllocatorEnable) {
        this.serverPooledByteBufAllocatorEnable = serverPooledByteBufAllocatorEnable;
    }

    public boolean isEnableShutdownGracefully() {
        return enableShutdownGracefully;
    }

    public void setEnableShutdownGracefully(boolean enableShutdownGracefully) {
        this.enableShutdownGracefully = enableShutdownGracefully;
    }

    public int getShutdownWaitTimeSeconds() {
        return shutdownWaitTimeSeconds;
    }

    public void setShutdownWaitTimeSeconds(int shutdownWaitTimeSeconds) {
        if (shutdownWaitTimeSeconds < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        this.shutdownWaitTimeSeconds = shutdownWaitTimeSeconds;
    }

    public boolean isUseEpollNativeSelector() {
        return useEpollNativeSelector;
    }

    public void setUseEpollNativeSelector(boolean useEpollNativeSelector) {
        this.useEpollNativeSelector = useEpollNativeSelector;
    }

    public int getServerMaxConnections() {
        return serverMaxConnections;
    }

    public void setServerMaxConnections(int serverMaxConnections) {
        this.serverMaxConnections = serverMaxConnections;
    }

    public int getServerMaxPendingRequestsPerConnection() {
        return serverMaxPendingRequestsPerConnection;
    }

    public void setServerMaxPendingRequestsPerConnection(int serverMaxPendingRequestsPerConnection) {
        this.serverMaxPendingRequestsPerConnection = serverMaxPendingRequestsPerConnection;
    }

    public int getServerMaxRequestHeaderBytes() {
        return serverMaxRequestHeaderBytes;
    }

    public void setServerMaxRequestHeaderBytes(int serverMaxRequestHeaderBytes) {
        if (serverMaxRequestHeaderBytes < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.serverMaxRequestHeaderBytes = serverMaxRequestHeaderBytes;
    }

    public long getRequestMaxQueueWaitMillis() {
        return requestMaxQueueWaitMillis;
    }

    public void setRequestMaxQueueWaitMillis(long requestMaxQueueWaitMillis) {
        this.requestMaxQueueWaitMillis = requestMaxQueueWaitMillis;
    }

    @Override
    public NettyServerConfig clone() {
        try {
            return (NettyServerConfig) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
