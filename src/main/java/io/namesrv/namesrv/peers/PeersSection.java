package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.console.StatusSection;
import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Warm restart and peers as a section of the status console: a few lines for people, one row per peer. */
final class PeersSection {

    private static final List<String> COLUMNS = List.of("Peer", "Reachable", "Known there, not here",
        "Known here, not there", "Data version differs", "Relayed from it", "Compared", "Problem");

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
        fields.add(new StatusSection.Field("Provisional brokers", byOrigin.get(BrokerOrigin.RESTORED) + " restored, "
            + byOrigin.get(BrokerOrigin.RELAYED) + " relayed (routed, not registered here)"));
        fields.add(new StatusSection.Field("Healing (relay)", st.relayEnabled() ? "on" : "off"));
        List<List<String>> rows = new ArrayList<>();
        for (PeerStatus p : st.peers()) {
            rows.add(List.of(p.peer(), p.reachable() ? "yes" : "no", count(p, ViewDiff.Kind.MISSING_HERE),
                count(p, ViewDiff.Kind.MISSING_THERE), p.versionsKnown() ? count(p, ViewDiff.Kind.VERSION_DIFFERS)
                    : "not shown by it", String.valueOf(p.relayedBrokers()),
                p.lastCompareAt() == 0 ? "not yet" : ago(now, p.lastCompareAt()),
                p.error() != null ? p.error() : p.relayError() != null ? "relay: " + p.relayError() : ""));
        }
        return new StatusSection("Warm restart and peer name servers", fields, rows.isEmpty() ? List.of() : COLUMNS,
            rows);
    }

    /** Divergences, and differences too young to be divergences in brackets. */
    private static String count(PeerStatus p, ViewDiff.Kind kind) {
        int divergent = p.divergent().get(kind.label);
        int differences = p.differences().get(kind.label).size();
        return differences > divergent ? divergent + " (+" + (differences - divergent) + " recent)" : String.valueOf(divergent);
    }

    private static String ago(long now, long then) {
        return Math.max(0, now - then) / 1000 + " s ago";
    }
}
