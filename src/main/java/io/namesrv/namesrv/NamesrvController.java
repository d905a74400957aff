package io.namesrv.namesrv;

import io.namesrv.common.NameServerAddresses;
import io.namesrv.namesrv.auth.AclFileWatcher;
import io.namesrv.namesrv.auth.AclSettings;
import io.namesrv.namesrv.auth.AuthenticatingProcessor;
import io.namesrv.namesrv.auth.RequestAuthenticator;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.http.HttpConfig;
import io.namesrv.namesrv.http.OpsEndpoints;
import io.namesrv.namesrv.http.OpsHttpServer;
import io.namesrv.namesrv.http.Readiness;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.metrics.NamesrvMetrics;
import io.namesrv.namesrv.metrics.ServerSnapshot;
import io.namesrv.namesrv.metrics.TrafficLogger;
import io.namesrv.namesrv.notify.MinBrokerIdNotifier;
import io.namesrv.namesrv.processor.ClientRequestProcessor;
import io.namesrv.namesrv.processor.ClusterTestRequestProcessor;
import io.namesrv.namesrv.processor.DefaultRequestProcessor;
import io.namesrv.namesrv.processor.ShutdownGate;
import io.namesrv.namesrv.routeinfo.BrokerHousekeepingService;
import io.namesrv.namesrv.routeinfo.RouteEventListener;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.RequestTask;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.netty.tls.TlsContexts;
import io.namesrv.remoting.netty.tls.TlsSettings;
import io.netty.handler.ssl.SslContext;
import io.namesrv.remoting.protocol.RequestCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the name server: route table, KV store, housekeeping, processors with their executors,
 * the remoting server and the scheduled scans. {@link #initialize()}, {@link #start()},
 * {@link #shutdown()}; nothing is started by the constructor.
 */
public class NamesrvController {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");
    static final long BROKER_REQUEST_TIMEOUT_MILLIS = 24_000;
    private static final Logger WATERMARK = LoggerFactory.getLogger("RocketmqNamesrvWaterMark");

    private final NamesrvConfig namesrvConfig;
    private final NettyServerConfig nettyServerConfig;
    private final NamesrvConfiguration configuration;
    private final WireIdentity identity;
    private final ServerTls tls;
    /** Null when authentication is off (the default): every request goes straight to its processor. */
    private final RequestAuthenticator authenticator;
    private final JsonBodies json = new JsonBodies();
    private final RouteInfoManager routeInfoManager;
    private final KVConfigManager kvConfigManager;
    private final long startMillis = System.currentTimeMillis();
    private final HttpConfig httpConfig;
    private final NamesrvMetrics metrics;
    private volatile boolean shuttingDown;
    /** The ACL file to reload on change; null: the settings given stay as they are. */
    private Path aclFile;

    private ThreadPoolExecutor defaultExecutor;
    private ThreadPoolExecutor clientRequestExecutor;
    private ScheduledExecutorService scanExecutor;
    private ScheduledExecutorService scheduledExecutor;
    private NettyRemotingServer remotingServer;
    private NettyRemotingClient productEnvClient;
    private NettyClientConfig nettyClientConfig = new NettyClientConfig();
    private MinBrokerIdNotifier minBrokerIdNotifier;
    private OpsHttpServer httpServer;

    /** A controller without the operations HTTP endpoint (metrics are still counted). */
    public NamesrvController(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig,
                             NamesrvConfiguration configuration, WireIdentity identity, ServerTls tls) {
        this(namesrvConfig, nettyServerConfig, configuration, identity, tls, (AclSettings) null, HttpConfig.disabled());
    }

    /** With {@code acl} non-null, the codes it names need a signed request; no HTTP endpoint. */
    public NamesrvController(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig,
                             NamesrvConfiguration configuration, WireIdentity identity, ServerTls tls,
                             AclSettings acl) {
        this(namesrvConfig, nettyServerConfig, configuration, identity, tls, acl, HttpConfig.disabled());
    }

    /** Without authentication, with the operations HTTP endpoint as {@code httpConfig} says. */
    public NamesrvController(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig,
                             NamesrvConfiguration configuration, WireIdentity identity, ServerTls tls,
                             HttpConfig httpConfig) {
        this(namesrvConfig, nettyServerConfig, configuration, identity, tls, null, httpConfig);
    }

    /** Everything: optional authentication ({@code acl} may be null) and the HTTP endpoint. */
    public NamesrvController(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig,
                             NamesrvConfiguration configuration, WireIdentity identity, ServerTls tls,
                             AclSettings acl, HttpConfig httpConfig) {
        this.authenticator = acl == null ? null : new RequestAuthenticator(acl);
        this.httpConfig = httpConfig;
        this.metrics = new NamesrvMetrics(this::snapshot);
        this.namesrvConfig = namesrvConfig;
        this.nettyServerConfig = nettyServerConfig;
        this.configuration = configuration;
        this.identity = identity;
        this.tls = tls;
        this.routeInfoManager = new RouteInfoManager(new RouteInfoSettings() {
            @Override
            public boolean deleteTopicWithBrokerRegistration() {
                return namesrvConfig.isDeleteTopicWithBrokerRegistration();
            }

            @Override
            public boolean supportActingMaster() {
                return namesrvConfig.isSupportActingMaster();
            }
        });
        this.kvConfigManager = new KVConfigManager(Path.of(namesrvConfig.getKvConfigPath()));
    }

    /**
     * The settings of the name server's own remoting client, which sends NOTIFY_MIN_BROKER_ID_CHANGE
     * (Apache reads them from the same {@code -c} file); before {@link #initialize()}.
     */
    public void useNettyClientConfig(NettyClientConfig config) {
        this.nettyClientConfig = config;
    }

    /** Loads the KV store and builds executors, processors and the server. False on failure. */
    public boolean initialize() {
        try {
            kvConfigManager.load();
        } catch (IOException e) {
            LOG.error("cannot load KV config from {}", namesrvConfig.getKvConfigPath(), e);
            return false;
        }
        minBrokerIdNotifier = new MinBrokerIdNotifier(namesrvConfig::isNotifyMinBrokerIdChanged, this::newNotifyClient,
            metrics.minBrokerIdNotifications());
        routeInfoManager.setEventListener(RouteEventListener.both(metrics.brokerEvents(), minBrokerIdNotifier));
        defaultExecutor = boundedPool(namesrvConfig.getDefaultThreadPoolNums(),
            namesrvConfig.getDefaultThreadPoolQueueCapacity(), "RemotingExecutorThread_");
        clientRequestExecutor = boundedPool(namesrvConfig.getClientRequestThreadPoolNums(),
            namesrvConfig.getClientRequestThreadPoolQueueCapacity(), "ClientRequestExecutorThread_");
        remotingServer = new NettyRemotingServer(nettyServerConfig, new BrokerHousekeepingService(routeInfoManager),
            identity, tls);
        remotingServer.setRequestListener(metrics.requests());
        registerProcessors();
        if (httpConfig.isHttpEnable()) {
            httpServer = new OpsHttpServer(httpConfig, new OpsEndpoints(metrics, routeInfoManager, this::readiness,
                this::uptimeMillis, this::listenPort));
        }
        scanExecutor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NSScanScheduledThread", true, 1));
        scheduledExecutor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NSScheduledThread", true, 1));
        return true;
    }

    /** The client NOTIFY_MIN_BROKER_ID_CHANGE goes out on: TLS when {@code useTLS} (-Dtls.enable) says so, as Apache's. */
    private NettyRemotingClient newNotifyClient() {
        SslContext clientTls = null;
        if (nettyClientConfig.isUseTLS()) {
            try {
                clientTls = TlsContexts.forClient(TlsSettings.fromSystemProperties());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build the TLS context for notifying brokers", e);
            }
        }
        return new NettyRemotingClient(nettyClientConfig, identity, clientTls);
    }

    private static ThreadPoolExecutor boundedPool(int threads, int queueCapacity, String namePrefix) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queueCapacity),
            new NamedThreadFactory(namePrefix, true, 1));
    }

    private void registerProcessors() {
        ClientRequestProcessor routeProcessor;
        if (namesrvConfig.isClusterTest()) {
            productEnvClient = new NettyRemotingClient(new NettyClientConfig(), identity);
            try {
                productEnvClient.updateNameServerAddressList(
                    NameServerAddresses.ofProcess().resolve(null, namesrvConfig.getProductEnvName()));
            } catch (IOException e) {
                LOG.warn("clusterTest: cannot find the product environment name servers: {}", e.getMessage());
            }
            routeProcessor = new ClusterTestRequestProcessor(routeInfoManager, kvConfigManager, namesrvConfig, json,
                this::uptimeMillis, productEnvClient);
        } else {
            routeProcessor = new ClientRequestProcessor(routeInfoManager, kvConfigManager, namesrvConfig, json,
                this::uptimeMillis);
        }
        remotingServer.registerProcessor(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            guarded(new ShutdownGate(routeProcessor, () -> shuttingDown)), clientRequestExecutor);
        remotingServer.registerDefaultProcessor(guarded(new DefaultRequestProcessor(routeInfoManager, kvConfigManager,
            namesrvConfig, configuration, json)), defaultExecutor,
            defaultProcessorMaxQueueWait(nettyServerConfig.getRequestMaxQueueWaitMillis()));
    }

    /**
     * Brokers wait up to 24 s for a registration (Apache's registerBrokerTimeoutMills), so a queued
     * registration is still wanted long after a client's 3 s route lookup would have given up:
     * the default executor drops only requests older than that.
     */
    static long defaultProcessorMaxQueueWait(long requestMaxQueueWaitMillis) {
        return requestMaxQueueWaitMillis <= 0 ? 0 : Math.max(requestMaxQueueWaitMillis, BROKER_REQUEST_TIMEOUT_MILLIS);
    }

    private NettyRequestProcessor guarded(NettyRequestProcessor processor) {
        return authenticator == null ? processor : new AuthenticatingProcessor(authenticator, processor);
    }

    private long uptimeMillis() {
        return System.currentTimeMillis() - startMillis;
    }

    /**
     * Re-read {@code file} (the one the authentication settings came from) whenever it changes, from
     * {@link #start()} on. Only with authentication on.
     */
    public void watchAclFile(Path file) {
        if (authenticator == null) {
            throw new IllegalStateException("authentication is off: there are no ACL settings to reload");
        }
        this.aclFile = file;
    }

    /** Binds the server and starts the scans. */
    public void start() throws InterruptedException {
        remotingServer.start();
        // listenPort=0 asks for any free port: record the real one so config dumps tell the truth.
        nettyServerConfig.setListenPort(remotingServer.localPort());
        long scanInterval = Math.max(100, namesrvConfig.getScanNotActiveBrokerInterval());
        scanExecutor.scheduleAtFixedRate(this::scanNotActiveBroker, Math.min(5000, scanInterval), scanInterval,
            TimeUnit.MILLISECONDS);
        scheduledExecutor.scheduleAtFixedRate(kvConfigManager::printAllPeriodically, 1, 10, TimeUnit.MINUTES);
        scheduledExecutor.scheduleAtFixedRate(this::printWaterMark, 10, 1, TimeUnit.SECONDS);
        TrafficLogger traffic = new TrafficLogger(metrics.requests(), remotingServer.localPort(),
            System.currentTimeMillis());
        scheduledExecutor.scheduleAtFixedRate(traffic::logInterval, 1, 1, TimeUnit.MINUTES);
        if (aclFile != null) {
            scheduledExecutor.scheduleWithFixedDelay(new AclFileWatcher(aclFile, authenticator),
                AclFileWatcher.CHECK_INTERVAL_MILLIS, AclFileWatcher.CHECK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
        if (httpServer != null) {
            httpServer.start();
            LOG.info("operations HTTP endpoint listening on {}:{} (/metrics /health /ready /status /cluster /routes/...)",
                httpConfig.getHttpBindAddress(), httpServer.localPort());
        }
    }

    /**
     * Ready for traffic: the remoting port listens, no shutdown has begun, and when
     * {@code needWaitForService} is set, {@code waitSecondsForService} have passed since start.
     */
    public Readiness readiness() {
        if (shuttingDown) {
            return Readiness.no("shutting down");
        }
        if (remotingServer == null || !remotingServer.isListening()) {
            return Readiness.no("remoting port not listening");
        }
        long waitMillis = namesrvConfig.getWaitSecondsForService() * 1000L;
        long uptime = uptimeMillis();
        if (namesrvConfig.isNeedWaitForService() && uptime < waitMillis) {
            return Readiness.no("waiting for service, " + (waitMillis - uptime + 999) / 1000 + "s left");
        }
        return Readiness.yes();
    }

    private ServerSnapshot snapshot() {
        long now = System.currentTimeMillis();
        KVConfigManager.Counts kv = kvConfigManager.counts();
        return new ServerSnapshot(routeInfoManager.tableSizes(), remotingServer == null ? 0 : remotingServer.connectionCount(),
            List.of(executorState("client", clientRequestExecutor, now), executorState("default", defaultExecutor, now)),
            kv.namespaces(), kv.entries(), readiness().ready());
    }

    private static ServerSnapshot.ExecutorState executorState(String name, ThreadPoolExecutor pool, long now) {
        if (pool == null) {
            return new ServerSnapshot.ExecutorState(name, 0, 0, 0, 0, 0);
        }
        return new ServerSnapshot.ExecutorState(name, pool.getQueue().size(),
            pool.getQueue().size() + pool.getQueue().remainingCapacity(), RequestTask.headWaitMillis(pool.getQueue(), now),
            pool.getActiveCount(), pool.getPoolSize());
    }

    private void scanNotActiveBroker() {
        try {
            routeInfoManager.scanNotActiveBroker();
        } catch (RuntimeException e) {
            LOG.error("scanNotActiveBroker failed", e);
        }
    }

    private void printWaterMark() {
        long now = System.currentTimeMillis();
        WATERMARK.info("[WATERMARK] ClientQueueSize:{} ClientQueueSlowTime:{} DefaultQueueSize:{} DefaultQueueSlowTime:{}",
            clientRequestExecutor.getQueue().size(), RequestTask.headWaitMillis(clientRequestExecutor.getQueue(), now),
            defaultExecutor.getQueue().size(), RequestTask.headWaitMillis(defaultExecutor.getQueue(), now));
    }

    /** Stops accepting, drains the executors, persists the KV store and stops every thread. */
    public void shutdown() {
        shuttingDown = true;
        // First, as Apache closes its client first: the broker connections closing below must not
        // be announced to the remaining brokers as members going offline.
        if (minBrokerIdNotifier != null) {
            minBrokerIdNotifier.close();
        }
        if (remotingServer != null) {
            remotingServer.shutdown();
        }
        for (ScheduledExecutorService s : new ScheduledExecutorService[] {scanExecutor, scheduledExecutor}) {
            if (s != null) {
                s.shutdownNow();
            }
        }
        for (ThreadPoolExecutor pool : new ThreadPoolExecutor[] {clientRequestExecutor, defaultExecutor}) {
            if (pool == null) {
                continue;
            }
            pool.shutdown();
            try {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
        if (productEnvClient != null) {
            productEnvClient.close();
        }
        try {
            kvConfigManager.persist();
        } catch (IOException e) {
            LOG.error("persist KV config on shutdown failed", e);
        }
        // Last, so /ready answers "shutting down" while the rest drains.
        if (httpServer != null) {
            httpServer.shutdown();
        }
    }

    /** The operations HTTP port, or -1 when the endpoint is disabled or not started. */
    public int httpPort() {
        return httpServer == null ? -1 : httpServer.localPort();
    }

    public NamesrvMetrics getMetrics() {
        return metrics;
    }

    public int listenPort() {
        return remotingServer.localPort();
    }

    /** The remoting server, for its connection and drop counters. */
    public NettyRemotingServer getRemotingServer() {
        return remotingServer;
    }

    public RouteInfoManager getRouteInfoManager() {
        return routeInfoManager;
    }

    public KVConfigManager getKvConfigManager() {
        return kvConfigManager;
    }

    public NamesrvConfig getNamesrvConfig() {
        return namesrvConfig;
    }

    public NettyServerConfig getNettyServerConfig() {
        return nettyServerConfig;
    }
}
