package io.namesrv.namesrv;

import io.namesrv.common.LoggerNames;
import io.namesrv.common.NameServerAddresses;
import io.namesrv.namesrv.address.AddressServiceConfig;
import io.namesrv.namesrv.peers.PeersConfig;
import io.namesrv.namesrv.address.AdvertisedAddress;
import io.namesrv.namesrv.address.NameServerDirectory;
import io.namesrv.namesrv.auth.AclFileWatcher;
import io.namesrv.namesrv.auth.AclSettings;
import io.namesrv.namesrv.auth.AuthenticatingProcessor;
import io.namesrv.namesrv.auth.RequestAuthenticator;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.http.HttpAccess;
import io.namesrv.namesrv.http.HttpConfig;
import io.namesrv.namesrv.console.StatusConsole;
import io.namesrv.namesrv.console.StatusContributor;
import io.namesrv.namesrv.http.ClientRouteLookup;
import io.namesrv.namesrv.http.OpsEndpoints;
import io.namesrv.namesrv.http.OpsHttpServer;
import io.namesrv.namesrv.http.Readiness;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.lifecycle.FatalErrorHandler;
import io.namesrv.namesrv.lifecycle.Health;
import io.namesrv.namesrv.lifecycle.VitalsMonitor;
import io.namesrv.namesrv.metrics.NamesrvMetrics;
import io.namesrv.namesrv.metrics.ServerSnapshot;
import io.namesrv.namesrv.metrics.TrafficLogger;
import io.namesrv.namesrv.notify.MinBrokerIdNotifier;
import io.namesrv.namesrv.peers.PeersService;
import io.namesrv.namesrv.processor.ClientRequestProcessor;
import io.namesrv.namesrv.processor.ClusterTestRequestProcessor;
import io.namesrv.namesrv.processor.DefaultRequestProcessor;
import io.namesrv.namesrv.processor.RegistrationLimits;
import io.namesrv.namesrv.routeinfo.BrokerHousekeepingService;
import io.namesrv.namesrv.routeinfo.RouteEventListener;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.netty.tls.TlsContexts;
import io.namesrv.remoting.netty.tls.TlsFileWatcher;
import io.namesrv.remoting.netty.tls.TlsSettings;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.netty.handler.ssl.SslContext;
import io.namesrv.remoting.protocol.RequestCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the name server: route table, KV store, housekeeping, processors with their executors,
 * the remoting server and the scheduled scans. {@link #initialize()}, {@link #start()},
 * {@link #shutdown()}; nothing is started by the constructor.
 */
public class NamesrvController {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);
    static final long BROKER_REQUEST_TIMEOUT_MILLIS = 24_000;

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
    private final AddressServiceConfig addressConfig;
    /** The address service's answer; null when it is off (or the HTTP endpoint is). */
    private final NameServerDirectory addresses;
    private final NamesrvMetrics metrics;
    /** Null when the HTTP endpoint is off: nobody could see it. */
    private final StatusConsole console;
    /** Warm restart (route snapshot, bootstrap from peers) and comparing with peer name servers. */
    private final PeersService peers;
    private final ServiceReadiness readiness;
    private final BusinessPools pools;
    private final RegistrationLimits registrationLimits;
    /** Bytes of request bodies the default executor may hold queued or in progress. */
    private final long bodyBytesInFlight;
    private final Health health = new Health();
    /** Embedded, a fatal failure stops this controller; the daemon's main makes it exit the process. */
    private final FatalErrorHandler fatalErrors = new FatalErrorHandler(health, System.err,
        () -> new Thread(this::shutdown, "NamesrvFatalShutdown").start());
    private VitalsMonitor vitals;
    private ScheduledFuture<?> expiryScan;
    /** Set by the first {@link #shutdown()}: a fatal failure and the owner may both ask. */
    private boolean stopped;
    /** The ACL file to reload on change; null: the settings given stay as they are. */
    private Path aclFile;

    private ScheduledExecutorService scanExecutor;
    private ScheduledExecutorService scheduledExecutor;
    private NettyRemotingServer remotingServer;
    private NettyRemotingClient productEnvClient;
    private NettyClientConfig nettyClientConfig = new NettyClientConfig();
    private MinBrokerIdNotifier minBrokerIdNotifier;
    private OpsHttpServer httpServer;
    private ClientRequestProcessor routeProcessor;

    /**
     * @param acl        the codes it names need a signed request; null: authentication is off (the default)
     * @param httpConfig the operations HTTP endpoint ({@link HttpConfig#disabled()}: none; metrics are still counted)
     * @param limits     how big the route table and a registration may grow
     * @param addressConfig the address service on that endpoint
     * @param peersConfig   warm restart and peer name servers
     */
    public NamesrvController(NamesrvConfig namesrvConfig, NettyServerConfig nettyServerConfig,
                             NamesrvConfiguration configuration, WireIdentity identity, ServerTls tls,
                             AclSettings acl, HttpConfig httpConfig, LimitsConfig limits,
                             AddressServiceConfig addressConfig, PeersConfig peersConfig) {
        this.namesrvConfig = namesrvConfig;
        this.nettyServerConfig = nettyServerConfig;
        this.configuration = configuration;
        this.identity = identity;
        this.tls = tls;
        this.authenticator = acl == null ? null : new RequestAuthenticator(acl);
        httpConfig.followBindAddress(nettyServerConfig.getBindAddress());
        this.httpConfig = httpConfig;
        this.addressConfig = addressConfig;
        long maxHeap = Runtime.getRuntime().maxMemory();
        this.metrics = new NamesrvMetrics(this::snapshot, limits.effectiveValues(maxHeap));
        this.registrationLimits = limits.registrationLimits(metrics.refusals());
        this.bodyBytesInFlight = limits.effectiveMaxRegistrationBodyBytesInFlight(maxHeap);
        this.routeInfoManager = new RouteInfoManager(new RouteInfoSettings() {
            @Override
            public boolean deleteTopicWithBrokerRegistration() {
                return namesrvConfig.isDeleteTopicWithBrokerRegistration();
            }

            @Override
            public boolean supportActingMaster() {
                return namesrvConfig.isSupportActingMaster();
            }
        }, System::currentTimeMillis, limits.routeLimits(maxHeap));
        this.console = httpConfig.isHttpEnable() ? new StatusConsole(new StatusConsole.Facts(
            httpConfig.getHttpConsoleSampleSeconds(), startMillis, identity.version() == WireIdentity.V5_3_3 ? "5.3.3"
                : "version ordinal " + identity.version(),
            () -> nettyServerConfig.getBindAddress() + ":" + nettyServerConfig.getListenPort(),
            () -> httpConfig.getHttpBindAddress() + ":" + httpPort()), routeInfoManager, metrics.requests(),
            System::currentTimeMillis) : null;
        this.kvConfigManager = new KVConfigManager(Path.of(namesrvConfig.getKvConfigPath()));
        this.pools = new BusinessPools(namesrvConfig, fatalErrors::workerDeaths);
        this.readiness = new ServiceReadiness(namesrvConfig, this::uptimeMillis,
            () -> remotingServer != null && remotingServer.isListening(), health::status);
        peersConfig.followKvConfigPath(namesrvConfig.getKvConfigPath());
        this.peers = new PeersService(peersConfig, routeInfoManager, identity);
        this.metrics.addSource(peers.metrics());
        addStatusContributor(peers::statusSection);
        addStatusContributor(peers::disagreementsSection);
        // The address service lists the peers whose last comparison reached them.
        this.addresses = httpConfig.isHttpEnable() && addressConfig.isAddressServiceEnable()
            ? new NameServerDirectory(addressConfig.subgroups(), readiness::answers, peers::answeringPeers) : null;
    }

    /**
     * The settings of the name server's own remoting client, which sends NOTIFY_MIN_BROKER_ID_CHANGE
     * (Apache reads them from the same {@code -c} file); before {@link #initialize()}.
     */
    public void useNettyClientConfig(NettyClientConfig config) {
        this.nettyClientConfig = config;
    }

    /** Loads the KV store and builds the server, its processors and the scheduled jobs. False on failure. */
    public boolean initialize() {
        if (!loadKvConfig()) {
            return false;
        }
        peers.restore();
        initiateMinBrokerIdNotifier();
        initiateRemotingServer();
        registerProcessors();
        initiateOpsEndpoint();
        initiateScheduledExecutors();
        return true;
    }

    private boolean loadKvConfig() {
        try {
            kvConfigManager.load();
            return true;
        } catch (IOException e) {
            LOG.error("cannot load KV config from {}", namesrvConfig.getKvConfigPath(), e);
            return false;
        }
    }

    private void initiateRemotingServer() {
        remotingServer = new NettyRemotingServer(nettyServerConfig, new BrokerHousekeepingService(routeInfoManager),
            identity, tls);
        remotingServer.setRequestListener(metrics.requests());
        remotingServer.setFatalErrorListener(fatalErrors);
    }

    /** Route lookups on the client pool; every other code on the default pool. */
    private void registerProcessors() {
        routeProcessor = routeProcessor();
        remotingServer.registerProcessor(RequestCode.GET_ROUTEINFO_BY_TOPIC, guarded(routeProcessor),
            pools.clientRequests().executor());
        remotingServer.registerDefaultProcessor(guarded(new DefaultRequestProcessor(routeInfoManager, kvConfigManager,
            namesrvConfig, configuration, json, registrationLimits)), pools.defaultRequests().executor(),
            defaultProcessorMaxQueueWait(nettyServerConfig.getRequestMaxQueueWaitMillis()), bodyBytesInFlight);
    }

    /** In clusterTest mode, topics unknown here are looked up in the product environment's name servers. */
    private ClientRequestProcessor routeProcessor() {
        if (!namesrvConfig.isClusterTest()) {
            return new ClientRequestProcessor(routeInfoManager, kvConfigManager, namesrvConfig, json,
                readiness::servesRoutes);
        }
        productEnvClient = new NettyRemotingClient(new NettyClientConfig(), identity);
        try {
            productEnvClient.updateNameServerAddressList(
                NameServerAddresses.ofProcess().resolve(null, namesrvConfig.getProductEnvName()));
        } catch (IOException e) {
            LOG.warn("clusterTest: cannot find the product environment name servers: {}", e.getMessage());
        }
        return new ClusterTestRequestProcessor(routeInfoManager, kvConfigManager, namesrvConfig, json,
            readiness::servesRoutes, productEnvClient);
    }

    private void initiateOpsEndpoint() {
        if (httpConfig.isHttpEnable()) {
            httpServer = new OpsHttpServer(httpConfig, new OpsEndpoints(metrics, routeInfoManager, this::readiness,
                health::status, console, this::clientRoute, peers::status, addresses), authenticator == null
                ? HttpAccess.OPEN
                : HttpAccess.basic(() -> authenticator.settings().secretKeys()));
        }
    }

    /**
     * NOTIFY_MIN_BROKER_ID_CHANGE: the route table tells the notifier (after its lock), the
     * notifier decides by {@code notifyMinBrokerIdChanged} at every change and sends on its own
     * client, built on the first notification.
     */
    private void initiateMinBrokerIdNotifier() {
        minBrokerIdNotifier = new MinBrokerIdNotifier(namesrvConfig::isNotifyMinBrokerIdChanged, this::newNotifyClient,
            metrics.minBrokerIdNotifications());
        // The one place the route table's listener is set: metrics, the notifier and the console all hear it.
        RouteEventListener listeners = RouteEventListener.both(metrics.brokerEvents(), minBrokerIdNotifier);
        routeInfoManager.setEventListener(console == null ? listeners
            : RouteEventListener.both(listeners, console.routeEvents()));
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

    private void initiateScheduledExecutors() {
        scanExecutor = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("NSScanScheduledThread", true, 1, fatalErrors));
        scheduledExecutor = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("NSScheduledThread", true, 1, fatalErrors));
    }

    /**
     * Brokers wait up to 24 s for a registration (Apache's registerBrokerTimeoutMills), so a queued
     * registration is still wanted long after a client's 3 s route lookup would have given up:
     * the default executor drops only requests older than that.
     */
    static long defaultProcessorMaxQueueWait(long requestMaxQueueWaitMillis) {
        return requestMaxQueueWaitMillis <= 0 ? 0 : Math.max(requestMaxQueueWaitMillis, BROKER_REQUEST_TIMEOUT_MILLIS);
    }

    /** The console's route view: what the route processor answers a current client, ACL aside. */
    private ClientRouteLookup.ClientRoute clientRoute(String topic) {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader(topic, null));
        request.setVersion(identity.version());
        RemotingCommand answer = routeProcessor.processRequest(null, request);
        return new ClientRouteLookup.ClientRoute(answer.getCode(), answer.getRemark(), answer.getBody());
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

    /** Binds the server, then starts the scheduled jobs, the operations endpoint and the vitals monitor. */
    public void start() throws InterruptedException {
        // Before the port listens, so that the first route answer is already a warm one.
        peers.bootstrap(nettyServerConfig.getListenPort());
        remotingServer.start();
        // listenPort=0 asks for any free port: record the real one so config dumps tell the truth.
        nettyServerConfig.setListenPort(remotingServer.localPort());
        if (addresses != null) {
            int port = remotingServer.localPort();
            addresses.advertise(AdvertisedAddress.resolve(addressConfig.getAdvertisedAddress(), peers.ownEntry(port),
                nettyServerConfig.getBindAddress(), port, AdvertisedAddress.localAddresses()));
        }
        scheduleJobs();
        startOpsEndpoint();
        vitals = new VitalsMonitor(vitalChecks(), health, fatalErrors, VitalsMonitor.DEFAULT_PERIOD_MILLIS);
        vitals.start();
        peers.start(fatalErrors::guard);
    }

    private void scheduleJobs() {
        long scanInterval = namesrvConfig.getScanNotActiveBrokerInterval();
        expiryScan = scanExecutor.scheduleAtFixedRate(fatalErrors.guard("scanNotActiveBroker",
            routeInfoManager::scanNotActiveBroker), Math.min(5000, scanInterval), scanInterval, TimeUnit.MILLISECONDS);
        scheduledExecutor.scheduleAtFixedRate(fatalErrors.guard("printAllPeriodically",
            kvConfigManager::printAllPeriodically), 1, 10, TimeUnit.MINUTES);
        scheduledExecutor.scheduleAtFixedRate(fatalErrors.guard("printWaterMark", pools::logWaterMark), 10, 1,
            TimeUnit.SECONDS);
        TrafficLogger traffic = new TrafficLogger(metrics.requests(), remotingServer.localPort(),
            System.currentTimeMillis());
        scheduledExecutor.scheduleAtFixedRate(fatalErrors.guard("logTraffic", traffic::logInterval), 1, 1,
            TimeUnit.MINUTES);
        if (aclFile != null) {
            scheduledExecutor.scheduleWithFixedDelay(fatalErrors.guard("watchAclFile",
                    new AclFileWatcher(aclFile, authenticator)), AclFileWatcher.CHECK_INTERVAL_MILLIS,
                AclFileWatcher.CHECK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
        TlsFileWatcher tlsFiles = tls == null ? null : tls.fileWatcher();
        if (tlsFiles != null) {
            scheduledExecutor.scheduleWithFixedDelay(fatalErrors.guard("watchTlsFiles", tlsFiles),
                TlsFileWatcher.CHECK_INTERVAL_MILLIS, TlsFileWatcher.CHECK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void startOpsEndpoint() throws InterruptedException {
        if (console != null) {
            console.start();
        }
        if (httpServer != null) {
            httpServer.start();
            LOG.info(httpEndpointLine());
            if (addresses != null) {
                LOG.info("address service: this name server is listed as {} ({})", addresses.advertised().address(),
                    addresses.advertised().source());
            }
        }
    }

    /**
     * Where the operations endpoint listens and who may read it, for the console and namesrv.log;
     * null when it is off.
     */
    public String httpEndpointLine() {
        if (httpServer == null) {
            return null;
        }
        String addressPaths = addresses == null ? "" : "/rocketmq/" + String.join(" /rocketmq/", addresses.subgroups());
        return "The operations HTTP endpoint listens on http://" + httpServer.boundHost() + ":" + httpServer.localPort()
            + "/ (status page; /metrics /health /ready /status /cluster /routes/{topic}"
            + (addresses == null ? "" : "; the address service " + addressPaths + " lists the name servers, this one as "
                + addresses.advertised().address()) + ")"
            + (authenticator == null ? "" : ", with an ACL access key and secret key (HTTP Basic) except /health /ready"
                + (addresses == null ? "" : " " + addressPaths));
    }

    /** What the vitals monitor checks: each answers what has stopped, or null. */
    private List<Supplier<String>> vitalChecks() {
        return List.of(
            remotingServer::failure,
            () -> expiryScan.isDone() ? "the broker expiry scan stopped" : null,
            () -> httpServer == null || httpServer.isListening() ? null : "the operations HTTP endpoint stopped");
    }

    /** Heap exhaustion, lost essential threads and the process's health; the daemon's main sets its exit. */
    public FatalErrorHandler fatalErrors() {
        return fatalErrors;
    }

    /** Ready for traffic or not, and why (see {@link ServiceReadiness}). */
    public Readiness readiness() {
        return readiness.current();
    }

    private ServerSnapshot snapshot() {
        KVConfigManager.Counts kv = kvConfigManager.counts();
        return new ServerSnapshot(routeInfoManager.tableSizes(), remotingServer == null ? 0 : remotingServer.connectionCount(),
            pools.states(System.currentTimeMillis()), kv.namespaces(), kv.entries(), readiness().ready());
    }

    /**
     * Stops accepting, drains the executors, persists the KV store and stops every thread. Once:
     * a fatal failure and the owner may both ask, and the second waits for the first.
     */
    public synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        readiness.shuttingDown();
        if (vitals != null) {
            vitals.close();
        }
        // Before the connections close below: that removes their brokers, and the snapshot must not see it.
        peers.shutdown();
        // Before the connections close, as Apache closes its client first: the brokers whose
        // connections close below must not be told their group's master went offline.
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
        pools.shutdown();
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
        if (console != null) {
            console.shutdown();
        }
    }

    /**
     * Adds a section to the status console (the embedded controller's role, say); nothing happens
     * when the HTTP endpoint is off.
     */
    public void addStatusContributor(StatusContributor contributor) {
        if (console != null) {
            console.addContributor(contributor);
        }
    }

    /** The operations HTTP port, or -1 when the endpoint is disabled or not started. */
    public int httpPort() {
        return httpServer == null ? -1 : httpServer.localPort();
    }

    /** Connections open on the HTTP endpoint; 0 when it is off. */
    public int httpOpenConnections() {
        return httpServer == null ? 0 : httpServer.openConnections();
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
