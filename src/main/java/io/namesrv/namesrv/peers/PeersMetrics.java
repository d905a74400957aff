package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.metrics.MetricsSource;
import io.namesrv.namesrv.metrics.PrometheusTextWriter;
import io.namesrv.namesrv.metrics.PrometheusTextWriter.Type;
import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The metrics of warm restart and peers: live brokers by origin, the start-up restore, the route
 * snapshot writer, and per peer its reachability, current divergences by kind, divergences
 * started since boot, and brokers relayed on its word.
 */
final class PeersMetrics implements MetricsSource {

    private final RouteInfoManager routes;
    private final Supplier<RestoreReport> restore;
    private final Supplier<SnapshotState> snapshot;
    private final Supplier<List<PeerComparison>> peers;

    PeersMetrics(RouteInfoManager routes, Supplier<RestoreReport> restore, Supplier<SnapshotState> snapshot,
                 Supplier<List<PeerComparison>> peers) {
        this.routes = routes;
        this.restore = restore;
        this.snapshot = snapshot;
        this.peers = peers;
    }

    @Override
    public void write(PrometheusTextWriter w) {
        w.family("namesrv_brokers_by_origin", Type.GAUGE, "Live broker processes by origin: direct (registered here),"
            + " restored (from the snapshot or a peer at start-up), relayed (from a peer, healing).");
        for (Map.Entry<BrokerOrigin, Integer> e : routes.brokersByOrigin().entrySet()) {
            w.sample("namesrv_brokers_by_origin", e.getValue(), "origin", e.getKey().label());
        }
        RestoreReport r = restore.get();
        w.family("namesrv_restored_brokers", Type.GAUGE,
            "Broker processes restored at start-up, by source (snapshot, peers or none).");
        w.sample("namesrv_restored_brokers", r == null ? 0 : r.brokers(), "source", r == null ? "none" : r.source());
        SnapshotState s = snapshot.get();
        if (s != null) {
            w.family("namesrv_route_snapshot_writes_total", Type.COUNTER, "Route snapshots written.");
            w.sample("namesrv_route_snapshot_writes_total", s.writes());
            w.family("namesrv_route_snapshot_write_failures_total", Type.COUNTER,
                "Route snapshot writes that failed (the previous snapshot stays valid).");
            w.sample("namesrv_route_snapshot_write_failures_total", s.failures());
            w.family("namesrv_route_snapshot_last_write_timestamp_seconds", Type.GAUGE,
                "When the last route snapshot was written (0: not yet).");
            w.sample("namesrv_route_snapshot_last_write_timestamp_seconds", s.lastWriteAt() / 1000.0);
        }
        List<PeerComparison> list = peers.get();
        if (list.isEmpty()) {
            return;
        }
        w.family("namesrv_peer_up", Type.GAUGE, "1 when the last comparison with the peer name server reached it.");
        list.forEach(p -> w.sample("namesrv_peer_up", p.isReachable() ? 1 : 0, "peer", p.peer()));
        w.family("namesrv_peer_last_compare_timestamp_seconds", Type.GAUGE, "When the peer was last compared.");
        list.forEach(p -> w.sample("namesrv_peer_last_compare_timestamp_seconds", p.lastCompareAt() / 1000.0,
            "peer", p.peer()));
        w.family("namesrv_peer_divergent_brokers", Type.GAUGE, "Brokers on which this server and the peer have"
            + " disagreed for longer than namesrvPeerDivergenceMillis: missing_here (registered there, not here),"
            + " missing_there (here, not there), version_differs (both, different data versions).");
        for (PeerComparison p : list) {
            for (ViewDiff.Kind kind : ViewDiff.Kind.values()) {
                w.sample("namesrv_peer_divergent_brokers", p.tracker().divergent(kind), "peer", p.peer(), "kind",
                    kind.label);
            }
        }
        w.family("namesrv_peer_divergences_total", Type.COUNTER, "Divergences with the peer that started since boot.");
        for (PeerComparison p : list) {
            for (ViewDiff.Kind kind : ViewDiff.Kind.values()) {
                w.sample("namesrv_peer_divergences_total", p.tracker().total(kind), "peer", p.peer(), "kind", kind.label);
            }
        }
        w.family("namesrv_peer_relayed_brokers", Type.GAUGE, "Brokers served here on the word of the peer (healing).");
        list.forEach(p -> w.sample("namesrv_peer_relayed_brokers", p.relayedBrokers(), "peer", p.peer()));
    }
}
