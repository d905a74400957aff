package io.namesrv.namesrv.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.namesrv.namesrv.console.StatusSection;
import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the status console shows of warm restart and peers, from a given status. */
class PeersSectionTest {

    private static final long NOW = 1_000_000_000L;
    private static final Map<BrokerOrigin, Integer> ORIGINS =
        Map.of(BrokerOrigin.DIRECT, 4, BrokerOrigin.RESTORED, 2, BrokerOrigin.RELAYED, 1);

    private static PeerStatus peer(String addr, boolean versionsKnown, List<PeerStatus.Difference> missingHere,
                                   List<PeerStatus.Difference> missingThere) {
        Map<String, List<PeerStatus.Difference>> differences = new LinkedHashMap<>();
        differences.put("missing_here", missingHere);
        differences.put("missing_there", missingThere);
        differences.put("version_differs", List.of());
        Map<String, Integer> divergent = new LinkedHashMap<>();
        differences.forEach((kind, list) -> divergent.put(kind, (int) list.stream().filter(PeerStatus.Difference::divergent).count()));
        return new PeerStatus(addr, true, versionsKnown, NOW - 2_000, 3, null, null, 1, divergent, differences);
    }

    private static PeerStatus.Difference diff(String name, String addr, long ageMillis, boolean divergent) {
        return new PeerStatus.Difference("C1", name, 0, addr, NOW - ageMillis, divergent);
    }

    private static PeersStatus status(List<PeerStatus> peers) {
        return new PeersStatus(new RestoreReport("snapshot", 6, 3, NOW - 60_000, 12, ""),
            new SnapshotState("/data/routeSnapshot.json", NOW - 5_000, 2, 9, 0, null), true, 5_000, 30_000, peers);
    }

    private static String field(StatusSection s, String label) {
        return s.fields().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().value();
    }

    @Test
    void theRestoreTheSnapshotAndProvisionalBrokersAreShownEvenWithoutPeers() {
        StatusSection s = PeersSection.of(status(List.of()), ORIGINS, NOW);

        assertEquals(PeersSection.TITLE, s.title());
        assertEquals("6 broker(s) in 3 group(s) from snapshot, in 12 ms", field(s, "Routes at start"));
        assertEquals("/data/routeSnapshot.json, written 5 s ago", field(s, "Route snapshot"));
        assertEquals("2 restored, 1 relayed (routed, not registered here)", field(s, "Provisional brokers"));
        assertEquals("none (namesrvPeers is empty)", field(s, "Peers"));
        assertEquals(List.of(), s.rows());
        assertNull(PeersSection.disagreements(status(List.of()), NOW), "nothing to disagree about, no section");
    }

    @Test
    void eachPeerIsOneRowWithItsDivergencesAndTheYoungerDifferencesApart() {
        PeerStatus agreeing = peer("10.0.0.2:9876", true, List.of(), List.of());
        PeerStatus apart = peer("10.0.0.3:9876", false,
            List.of(diff("broker-a", "10.0.1.1:10911", 45_000, true), diff("broker-b", "10.0.1.2:10911", 4_000, false)),
            List.of(diff("broker-c", "10.0.1.3:10911", 31_000, true)));

        StatusSection s = PeersSection.of(status(List.of(agreeing, apart)), ORIGINS, NOW);

        assertEquals("on", field(s, "Healing (relay)"));
        assertEquals("every 5 s; a difference older than 30 s is a divergence", field(s, "Comparison"));
        assertEquals(List.of("10.0.0.2:9876", "yes", "0", "0", "0", "1", "2 s ago", ""), s.rows().get(0));
        assertEquals(List.of("10.0.0.3:9876", "yes", "1 (+1 recent)", "1", "not shown by it", "1", "2 s ago", ""),
            s.rows().get(1));
    }

    @Test
    void everyDisagreementIsListedBrokerByBrokerDivergencesFirst() {
        PeerStatus apart = peer("10.0.0.3:9876", true,
            List.of(diff("broker-b", "10.0.1.2:10911", 4_000, false), diff("broker-a", "10.0.1.1:10911", 45_000, true)),
            List.of(diff("broker-c", "10.0.1.3:10911", 31_000, true)));

        StatusSection s = PeersSection.disagreements(status(List.of(apart)), NOW);

        assertEquals(PeersSection.DISAGREEMENTS_TITLE, s.title());
        assertEquals("2 divergent, 1 younger than 30 s (a broker registering with one name server after another)",
            field(s, "Brokers"));
        assertEquals(List.of(
            List.of("10.0.0.3:9876", "known there but not here", "C1", "broker-a", "0", "10.0.1.1:10911", "45 s", "yes"),
            List.of("10.0.0.3:9876", "known here but not there", "C1", "broker-c", "0", "10.0.1.3:10911", "31 s", "yes"),
            List.of("10.0.0.3:9876", "known there but not here", "C1", "broker-b", "0", "10.0.1.2:10911", "4 s",
                "not yet")), s.rows());
    }

    @Test
    void aLongListIsCutAndSaysSo() {
        List<PeerStatus.Difference> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add(diff("broker-" + i, "10.0." + (i / 250) + "." + (i % 250) + ":10911", 60_000, true));
        }
        StatusSection s = PeersSection.disagreements(status(List.of(peer("10.0.0.3:9876", true, many, List.of()))), NOW);

        assertEquals(PeersSection.MAX_DISAGREEMENT_ROWS, s.rows().size());
        assertEquals("the first 100 of 1000; every one is in /status under peers", field(s, "Shown"));
    }

    @Test
    void aRefusedSnapshotAndAFailingWriteAreSaid() {
        PeersStatus st = new PeersStatus(RestoreReport.none(NOW, 1, "route snapshot /data/r.json is format version 0,"
            + " this server reads version 1"), new SnapshotState("/data/r.json", 0, 0, 0, 3, "disk full"), false, 5_000,
            30_000, List.of());

        StatusSection s = PeersSection.of(st, ORIGINS, NOW);

        assertEquals("none (route snapshot /data/r.json is format version 0, this server reads version 1)",
            field(s, "Routes at start"));
        assertEquals("/data/r.json, not written yet; last write failed: disk full", field(s, "Route snapshot"));
    }
}
