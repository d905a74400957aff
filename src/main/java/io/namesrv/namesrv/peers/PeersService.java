package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.console.StatusSection;
import io.namesrv.namesrv.metrics.MetricsSource;
import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.BrokerLiveness;
import io.namesrv.protocol.BrokerLivenessTable;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.WireIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm restart and peer name servers, as the controller drives them: {@link #restore()} from the
 * snapshot while initializing, {@link #bootstrap(int)} from peers just before the port listens
 * (only when the snapshot gave nothing), {@link #start()} the periodic snapshot and comparisons
 * once it listens, and {@link #shutdown()} first thing on the way out, so the last snapshot is
 * taken before closing connections removes their brokers.
 */
public final class PeersService {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");
    private static final long SHUTDOWN_WAIT_MILLIS = 3_000;

    private final PeersConfig config;
    private final RouteInfoManager routes;
    private final WireIdentity identity;
    private final LongSupplier clock;
    /** Null when route snapshots are off. */
    private final SnapshotWriter writer;
    private final RouteSnapshotStore store;
    private final List<PeerComparison> comparisons = new CopyOnWriteArrayList<>();
    private volatile RestoreReport restore;
    private List<String> peers = List.of();
    private PeerClient client;
    private ScheduledExecutorService peerExecutor;
    private ScheduledExecutorService snapshotExecutor;
    /** The last snapshot is written only by a server that ran: one that failed to start has nothing to say. */
    private volatile boolean started;

    public PeersService(PeersConfig config, RouteInfoManager routes, WireIdentity identity) {
        this(config, routes, identity, System::currentTimeMillis);
    }

    PeersService(PeersConfig config, RouteInfoManager routes, WireIdentity identity, LongSupplier clock) {
        this.config = config;
        this.routes = routes;
        this.identity = identity;
        this.clock = clock;
        this.store = config.isRouteSnapshotEnable() ? new RouteSnapshotStore(Path.of(config.getRouteSnapshotPath())) : null;
        this.writer = store == null ? null : new SnapshotWriter(store, routes, clock);
        this.restore = RestoreReport.none(clock.getAsLong(), 0, store == null ? "route snapshots are off" : "not yet");
    }

    /** The metrics to add to every scrape. */
    public MetricsSource metrics() {
        return new PeersMetrics(routes, () -> restore, () -> writer == null ? null : writer.state(),
            () -> comparisons);
    }

    /** Initialize step: routes from the snapshot, when snapshots are on. */
    public void restore() {
        if (store != null) {
            restore = SnapshotRestore.restore(store, routes, clock.getAsLong());
        }
    }

    /**
     * Just before the port listens: reads the peer list (leaving this server, on
     * {@code listenPort}, out) and, when the snapshot restored nothing, fills the table from the
     * peers within {@code namesrvPeerBootstrapTimeoutMillis}.
     */
    public void bootstrap(int listenPort) throws InterruptedException {
        peers = PeerAddresses.parse(config.getNamesrvPeers(), listenPort);
        if (peers.isEmpty()) {
            return;
        }
        client = new PeerClient(identity);
        peerExecutor = new ScheduledThreadPoolExecutor(peers.size(), new NamedThreadFactory("NSPeerThread_", true, 1));
        if (restore.brokers() > 0) {
            return;
        }
        RestoreReport fromPeers = PeerBootstrap.run(peers, client, routes, peerExecutor,
            config.getNamesrvPeerBootstrapTimeoutMillis(), clock);
        restore = new RestoreReport(fromPeers.source(), fromPeers.brokers(), fromPeers.groups(), fromPeers.restoredAt(),
            fromPeers.tookMillis(), restore.detail() + "; " + fromPeers.detail());
    }

    /**
     * Once the port listens: the periodic snapshot and one comparison schedule per peer, each task
     * wrapped by {@code guard} (named) so that a failure neither ends its schedule nor goes unseen.
     */
    public void start(BiFunction<String, Runnable, Runnable> guard) {
        started = true;
        if (writer != null) {
            long interval = config.getRouteSnapshotIntervalMillis();
            snapshotExecutor = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("NSRouteSnapshotThread", true, 1));
            snapshotExecutor.scheduleWithFixedDelay(guard.apply("writeRouteSnapshot", writer::writeIfChanged), interval,
                interval, TimeUnit.MILLISECONDS);
        }
        if (peers.isEmpty()) {
            return;
        }
        Relay relay = config.isNamesrvPeerRelayEnable()
            ? new Relay(routes, client, clock, Math.max(PeerClient.CALL_TIMEOUT_MILLIS,
                config.getNamesrvPeerBootstrapTimeoutMillis())) : null;
        long interval = config.getNamesrvPeerCompareIntervalMillis();
        for (String peer : peers) {
            PeerComparison comparison = new PeerComparison(peer, client, this::directViewHere,
                new DivergenceTracker(peer, config.getNamesrvPeerDivergenceMillis()), relay, clock);
            comparisons.add(comparison);
            peerExecutor.scheduleWithFixedDelay(guard.apply("compareWith " + peer, comparison), Math.min(interval, 1_000),
                interval, TimeUnit.MILLISECONDS);
        }
        LOG.info("comparing routes with {} peer name server(s) every {} ms: {}; healing (relay) {}", peers.size(),
            interval, peers, relay == null ? "off" : "on");
    }

    /** This server's direct view, shaped as a peer's answer would be. */
    private PeerView directViewHere() {
        List<BrokerLiveness> direct = new ArrayList<>();
        for (RouteInfoManager.BrokerLiveView v : routes.liveBrokers()) {
            if (v.origin() == BrokerOrigin.DIRECT) {
                direct.add(new BrokerLiveness(v.clusterName(), v.brokerAddr(), v.lastUpdateTimestamp(),
                    v.heartbeatTimeoutMillis(), v.dataVersion(), v.haServerAddr()));
            }
        }
        return PeerView.of(routes.getDirectClusterInfo(), new BrokerLivenessTable(clock.getAsLong(), direct));
    }

    /** Stops comparing, writes the last snapshot, closes the peer connections. */
    public void shutdown() {
        if (peerExecutor != null) {
            peerExecutor.shutdownNow();
        }
        if (snapshotExecutor != null) {
            // Not interrupted: a write under way (seconds for a million topics) finishes, and is not done twice.
            snapshotExecutor.shutdown();
        }
        for (ScheduledExecutorService executor : new ScheduledExecutorService[] {peerExecutor, snapshotExecutor}) {
            awaitTermination(executor);
        }
        if (started && writer != null && writer.writeIfChanged()) {
            LOG.info("route snapshot written to {} for the next start", store.path());
        }
        if (client != null) {
            client.close();
        }
    }

    private static void awaitTermination(ScheduledExecutorService executor) {
        if (executor == null) {
            return;
        }
        try {
            executor.awaitTermination(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This server's own entry in {@code namesrvPeers} (it listens on {@code listenPort}), or null. */
    public String ownEntry(int listenPort) {
        return PeerAddresses.self(config.getNamesrvPeers(), listenPort);
    }

    /**
     * The peers whose last comparison reached them, as the address service lists them: read from
     * the comparisons' results, never a network call of its own. Empty before the first
     * comparisons (at most a second after the port listens) and without peers.
     */
    public List<String> answeringPeers() {
        List<String> answering = new ArrayList<>();
        for (PeerComparison comparison : comparisons) {
            if (comparison.isReachable()) {
                answering.add(comparison.peer());
            }
        }
        return answering;
    }

    /** The status console's section: where routes came from, the snapshot, provisional brokers, each peer. */
    public StatusSection statusSection() {
        return PeersSection.of(status(), routes.brokersByOrigin(), clock.getAsLong());
    }

    /** The status console's list of brokers this server and a peer disagree about; null while all agree. */
    public StatusSection disagreementsSection() {
        return PeersSection.disagreements(status(), clock.getAsLong());
    }

    public PeersStatus status() {
        List<PeerStatus> list = new ArrayList<>();
        comparisons.forEach(c -> list.add(c.status()));
        return new PeersStatus(restore, writer == null ? null : writer.state(), config.isNamesrvPeerRelayEnable(),
            config.getNamesrvPeerCompareIntervalMillis(), config.getNamesrvPeerDivergenceMillis(), list);
    }
}
