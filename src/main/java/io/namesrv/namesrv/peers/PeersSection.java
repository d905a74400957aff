package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.console.Durations;
import io.namesrv.namesrv.console.StatusSection;
import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warm restart and peers as two sections of the status console: one that is always there (where
 * the routes came from at start, the snapshot, provisional brokers, one row per peer with its
 * counts), and one listing the disagreements broker by broker, shown only while there are any.
 */
final class PeersSection {

    static final String TITLE = "Warm restart and peer name servers";
    static final String DISAGREEMENTS_TITLE = "Disagreements with peer name servers";
    /** Rows of the disagreements table; the rest are counted (all of them are in /status). */
    static final int MAX_DISAGREEMENT_ROWS = 100;

    private static final List<String> PEER_COLUMNS = List.of("Peer", "Reachable", "Known there, not here",
        "Known here, not there", "Data version differs", "Relayed from it", "Compared", "Problem");
    private static final List<String> DISAGREEMENT_COLUMNS = List.of("Peer", "Difference", "Cluster", "Broker",
        "Id", "Address", "Seen for", "Divergent");

    private PeersSection() {
    }

    static StatusSection of(PeersStatus st, Map<BrokerOrigin, Integer> byOrigin, long now) {
        List<StatusSection.Field> fields = new ArrayList<>();
        RestoreReport r = st.restore();
        fields.add(new StatusSection.Field("Routes at start", r.source().equals("none") ? "none (" + r.detail() + ")"
            : r.brokers() + " broker(s) in " + r.groups() + " group(s) from " + r.source() + ", in " + r.tookMillis()
            + " ms"));
        SnapshotState snapshot = st.snapshot();
        fields.add(new StatusSection.Field("Route snapshot", snapshot == null ? "off" : snapshot.path() + ", "
            + (snapshot.lastWriteAt() == 0 ? "not written yet" : "written " + ago(now, snapshot.lastWriteAt()))
            + (snapshot.lastError() == null ? "" : "; last write failed: " + snapshot.lastError())));
        fields.add(new StatusSection.Field("Provisional brokers", byOrigin.getOrDefault(BrokerOrigin.RESTORED, 0)
            + " restored, " + byOrigin.getOrDefault(BrokerOrigin.RELAYED, 0) + " relayed (routed, not registered here)"));
        if (st.peers().isEmpty()) {
            fields.add(new StatusSection.Field("Peers", "none (namesrvPeers is empty)"));
            return StatusSection.of(TITLE, fields);
        }
        fields.add(new StatusSection.Field("Comparison", "every " + Durations.words(st.compareIntervalMillis())
            + "; a difference older than " + Durations.words(st.divergenceMillis()) + " is a divergence"));
        fields.add(new StatusSection.Field("Healing (relay)", st.relayEnabled() ? "on" : "off"));
        List<List<String>> rows = new ArrayList<>();
        for (PeerStatus p : st.peers()) {
            rows.add(List.of(p.peer(), p.reachable() ? "yes" : "no", count(p, ViewDiff.Kind.MISSING_HERE),
                count(p, ViewDiff.Kind.MISSING_THERE), p.versionsKnown() ? count(p, ViewDiff.Kind.VERSION_DIFFERS)
                    : "not shown by it", String.valueOf(p.relayedBrokers()),
                p.lastCompareAt() == 0 ? "not yet" : ago(now, p.lastCompareAt()),
                p.error() != null ? p.error() : p.relayError() != null ? "relay: " + p.relayError() : ""));
        }
        return new StatusSection(TITLE, fields, PEER_COLUMNS, rows);
    }

    /** Each broker a peer and this server disagree about, divergences first; null when they all agree. */
    static StatusSection disagreements(PeersStatus st, long now) {
        List<List<String>> divergent = new ArrayList<>();
        List<List<String>> recent = new ArrayList<>();
        for (PeerStatus p : st.peers()) {
            for (ViewDiff.Kind kind : ViewDiff.Kind.values()) {
                for (PeerStatus.Difference d : p.differences().getOrDefault(kind.label, List.of())) {
                    (d.divergent() ? divergent : recent).add(List.of(p.peer(), kind.words, d.cluster(),
                        d.brokerName(), String.valueOf(d.brokerId()), d.addr(), Durations.words(now - d.since()),
                        d.divergent() ? "yes" : "not yet"));
                }
            }
        }
        int total = divergent.size() + recent.size();
        if (total == 0) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>(divergent);
        rows.addAll(recent);
        List<StatusSection.Field> fields = new ArrayList<>();
        fields.add(new StatusSection.Field("Brokers", divergent.size() + " divergent, " + recent.size()
            + " younger than " + Durations.words(st.divergenceMillis()) + " (a broker registering with one name"
            + " server after another)"));
        if (total > MAX_DISAGREEMENT_ROWS) {
            fields.add(new StatusSection.Field("Shown", "the first " + MAX_DISAGREEMENT_ROWS + " of " + total
                + "; every one is in /status under peers"));
            rows = rows.subList(0, MAX_DISAGREEMENT_ROWS);
        }
        return new StatusSection(DISAGREEMENTS_TITLE, fields, DISAGREEMENT_COLUMNS, rows);
    }

    /** Divergences, and differences too young to be divergences in brackets. */
    private static String count(PeerStatus p, ViewDiff.Kind kind) {
        int divergent = p.divergent().getOrDefault(kind.label, 0);
        int differences = p.differences().getOrDefault(kind.label, List.of()).size();
        return differences > divergent ? divergent + " (+" + (differences - divergent) + " recent)" : String.valueOf(divergent);
    }

    private static String ago(long now, long then) {
        return Durations.words(now - then) + " ago";
    }
}
