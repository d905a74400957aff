package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.RouteImage;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.BrokerMember;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Healing (opt-in): serves brokers that a peer knows directly and this server does not, as
 * <em>relayed</em> entries, and withdraws them when no peer vouches for them any more.
 *
 * <ul>
 *   <li>Only direct state travels: what a peer lists in its direct view (GET_BROKER_CLUSTER_INFO
 *       with {@code directOnly}), never what it relays or restored itself, so nothing loops
 *       between peers and a dead broker cannot be kept alive by servers echoing each other.</li>
 *   <li>A relayed member counts as heard from when its peer last heard from it (the peer's
 *       heartbeat age, from code 40001; an Apache peer does not tell, so: when the peer last
 *       listed it). It therefore expires here no later than one timeout after the broker's last
 *       heartbeat, or one comparison after the peer drops it, whichever comes first.</li>
 *   <li>The route table's merge rules keep direct state first: a relayed entry never replaces a
 *       direct one, so a peer that lies or is stale cannot remove or alter a broker that
 *       registers here.</li>
 * </ul>
 * Topics are fetched with ordinary route lookups (224 then 105) when a group is first relayed,
 * again when its data version at the peer changes, and every {@link #REFETCH_WITHOUT_VERSIONS_MILLIS}
 * from a peer that shows no data versions.
 */
final class Relay {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");
    /** How often topics relayed from an Apache peer (no data versions to watch) are read again. */
    static final long REFETCH_WITHOUT_VERSIONS_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final RouteInfoManager routes;
    private final PeerClient client;
    private final LongSupplier clock;
    private final long fetchBudgetMillis;
    /** Guarded by this: which peers last listed each relayed member as direct. */
    private final Map<BrokerMember, Set<String>> vouchers = new HashMap<>();
    /** Guarded by this: per peer, per broker name, the group's topics as last fetched. */
    private final Map<String, Map<String, Fetched>> fetched = new HashMap<>();

    /** A group as fetched from a peer, the data versions of its members then, and when. */
    private record Fetched(RouteImage.Group group, Map<String, DataVersion> versions, long at) {
    }

    Relay(RouteInfoManager routes, PeerClient client, LongSupplier clock, long fetchBudgetMillis) {
        this.routes = routes;
        this.client = client;
        this.clock = clock;
        this.fetchBudgetMillis = fetchBudgetMillis;
    }

    /**
     * After a comparison with {@code peer}: relays what it knows directly that this server does
     * not, refreshes what is relayed already, and withdraws what it no longer vouches for.
     */
    void apply(String peer, PeerView there, ViewDiff diff) throws PeerException, InterruptedException {
        Map<String, List<BrokerMember>> wanted = new TreeMap<>();
        for (BrokerMember m : diff.missingHere()) {
            wanted.computeIfAbsent(m.brokerName(), k -> new ArrayList<>()).add(m);
        }
        fetchWhatChanged(peer, there, wanted);
        long now = clock.getAsLong();
        RouteImage image = imageOf(peer, there, wanted, now);
        RouteInfoManager.MergeOutcome outcome = image.groups().isEmpty() ? null
            : routes.mergeProvisional(image, BrokerOrigin.RELAYED);
        List<BrokerMember> withdrawn = vouch(peer, there, diff, image);
        List<String> gone = new ArrayList<>();
        for (BrokerMember m : withdrawn) {
            if (routes.withdrawProvisional(m.cluster(), m.addr(), BrokerOrigin.RELAYED,
                "no peer name server knows it directly any more (last: " + peer + ")")) {
                gone.add(m.toString());
            }
        }
        if (outcome != null && outcome.membersTaken() > 0) {
            LOG.debug("relayed {} broker(s) from {}", outcome.membersTaken(), peer);
        }
        if (!gone.isEmpty()) {
            LOG.info("relayed broker(s) withdrawn, {} no longer knows them directly: {}", peer, gone);
        }
        if (outcome != null && outcome.groupsRefused() > 0) {
            // Shown as the peer's relay problem (logged once while it lasts), not on every comparison.
            throw new PeerException(outcome.groupsRefused() + " broker group(s) of " + peer + " not relayed: named here"
                + " in another cluster, malformed, or past a route limit");
        }
    }

    /** How many members this server relays on the word of {@code peer}. */
    synchronized int relayedFrom(String peer) {
        int n = 0;
        for (Set<String> v : vouchers.values()) {
            if (v.contains(peer)) {
                n++;
            }
        }
        return n;
    }

    /** Fetches the topics of wanted groups that were never fetched or changed at the peer. */
    private void fetchWhatChanged(String peer, PeerView there, Map<String, List<BrokerMember>> wanted)
        throws PeerException, InterruptedException {
        long now = clock.getAsLong();
        Set<String> stale = new TreeSet<>();
        Set<String> clusters = new TreeSet<>();
        synchronized (this) {
            Map<String, Fetched> cache = fetched.computeIfAbsent(peer, k -> new HashMap<>());
            cache.keySet().retainAll(wanted.keySet());
            for (Map.Entry<String, List<BrokerMember>> e : wanted.entrySet()) {
                Fetched f = cache.get(e.getKey());
                if (f == null || changed(f, there, e.getValue(), now)) {
                    stale.add(e.getKey());
                    e.getValue().forEach(m -> clusters.add(m.cluster()));
                }
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(fetchBudgetMillis);
        Set<String> topics = new HashSet<>();
        for (String cluster : clusters) {
            topics.addAll(client.topics(peer, cluster));
        }
        Map<String, TopicRouteData> found = client.routes(peer, topics, deadline);
        long at = clock.getAsLong();
        RouteImage groups = PeerImages.groups(there, stale, found, at, true);
        synchronized (this) {
            Map<String, Fetched> cache = fetched.computeIfAbsent(peer, k -> new HashMap<>());
            for (RouteImage.Group g : groups.groups()) {
                Map<String, DataVersion> versions = new HashMap<>();
                g.members().forEach(m -> versions.put(m.addr(), m.dataVersion()));
                cache.put(g.brokerName(), new Fetched(g, versions, at));
            }
        }
    }

    private static boolean changed(Fetched f, PeerView there, List<BrokerMember> members, long now) {
        if (!there.versionsKnown()) {
            return now - f.at() > REFETCH_WITHOUT_VERSIONS_MILLIS;
        }
        for (BrokerMember m : members) {
            PeerView.Liveness live = there.livenessOf(m);
            if (live != null && !Objects.equals(live.dataVersion(), f.versions().get(m.addr()))) {
                return true;
            }
        }
        return false;
    }

    /** The wanted members as the peer knows them now, each group with its last fetched topics. */
    private synchronized RouteImage imageOf(String peer, PeerView there, Map<String, List<BrokerMember>> wanted,
                                            long now) {
        Map<String, Fetched> cache = fetched.getOrDefault(peer, Map.of());
        RouteImage current = PeerImages.groups(there, wanted.keySet(), Map.of(), now, there.versionsKnown());
        List<RouteImage.Group> groups = new ArrayList<>();
        for (RouteImage.Group g : current.groups()) {
            Fetched f = cache.get(g.brokerName());
            if (f == null) {
                continue;
            }
            Set<String> wantedAddrs = new HashSet<>();
            wanted.get(g.brokerName()).forEach(m -> wantedAddrs.add(m.addr()));
            Map<String, List<String>> filterServers = new HashMap<>();
            f.group().members().forEach(m -> filterServers.put(m.addr(), m.filterServers()));
            List<RouteImage.Member> members = new ArrayList<>();
            for (RouteImage.Member m : g.members()) {
                if (wantedAddrs.contains(m.addr())) {
                    members.add(new RouteImage.Member(m.brokerId(), m.addr(), m.haServerAddr(),
                        m.heartbeatTimeoutMillis(), m.dataVersion(), filterServers.get(m.addr()), m.origin(),
                        m.lastUpdateTimestamp()));
                }
            }
            if (!members.isEmpty()) {
                groups.add(new RouteImage.Group(g.cluster(), g.brokerName(), g.zoneName(), g.enableActingMaster(),
                    members, f.group().queues(), f.group().mappings()));
            }
        }
        return new RouteImage(groups);
    }

    /**
     * Records that {@code peer} vouches for the members just relayed, and no longer for those it
     * stopped listing or that registered here since; returns the members that no peer vouches for
     * any more and that are not direct here, to withdraw.
     */
    private synchronized List<BrokerMember> vouch(String peer, PeerView there, ViewDiff diff, RouteImage relayed) {
        for (RouteImage.Group g : relayed.groups()) {
            for (RouteImage.Member m : g.members()) {
                vouchers.computeIfAbsent(new BrokerMember(g.cluster(), g.brokerName(), m.brokerId(), m.addr()),
                    k -> new HashSet<>()).add(peer);
            }
        }
        List<BrokerMember> unvouched = new ArrayList<>();
        Iterator<Map.Entry<BrokerMember, Set<String>>> it = vouchers.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<BrokerMember, Set<String>> e = it.next();
            BrokerMember m = e.getKey();
            boolean listedThere = there.members().contains(m);
            if ((!listedThere || !diff.missingHere().contains(m)) && e.getValue().remove(peer)
                && e.getValue().isEmpty()) {
                it.remove();
                if (!listedThere) {
                    unvouched.add(m);
                }
            }
        }
        return unvouched;
    }
}
