package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.RouteImage;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty route table from peer name servers at start-up (a replaced container with an
 * empty disk), before the port listens. Every peer is asked at once, with the ordinary codes
 * (106, 206, 105), so an Apache name server can be the source; whatever answers within
 * {@code namesrvPeerBootstrapTimeoutMillis} is merged as <em>restored</em>: routed at once, alive
 * for one timeout, dropped unless the broker registers here. Only what each peer knows directly is
 * taken, never what it restored or relays itself.
 */
final class PeerBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");

    private PeerBootstrap() {
    }

    static RestoreReport run(List<String> peers, PeerClient client, RouteInfoManager routes, ExecutorService pool,
                             long budgetMillis, LongSupplier clock) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        Map<String, Future<RouteImage>> asked = new LinkedHashMap<>();
        for (String peer : peers) {
            asked.put(peer, pool.submit(() -> imageOf(peer, client, deadline, clock)));
        }
        int members = 0;
        int groups = 0;
        List<String> answered = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, Future<RouteImage>> e : asked.entrySet()) {
            try {
                RouteImage image = e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                RouteInfoManager.MergeOutcome outcome = routes.mergeProvisional(image, BrokerOrigin.RESTORED);
                members += outcome.membersTaken();
                groups += image.groups().size();
                answered.add(e.getKey());
            } catch (ExecutionException ex) {
                failed.add(e.getKey() + " (" + (ex.getCause() == null ? ex : ex.getCause().getMessage()) + ")");
            } catch (TimeoutException ex) {
                e.getValue().cancel(true);
                failed.add(e.getKey() + " (no complete answer within " + budgetMillis + " ms)");
            }
        }
        String detail = "from " + (answered.isEmpty() ? "no peer" : String.join(", ", answered))
            + (failed.isEmpty() ? "" : "; not from " + String.join(", ", failed));
        long took = SnapshotRestore.millisSince(start);
        if (answered.isEmpty()) {
            LOG.warn("no route snapshot and no peer name server answered within {} ms: starting without routes ({})",
                took, detail);
            return RestoreReport.none(clock.getAsLong(), took, detail);
        }
        LOG.info("routes restored from peer name servers in {} ms: {} broker(s) in {} group(s) {}; served as restored"
            + " until they register here, for at most one heartbeat timeout", took, members, groups, detail);
        return new RestoreReport("peers", members, groups, clock.getAsLong(), took, detail);
    }

    private static RouteImage imageOf(String peer, PeerClient client, long deadline, LongSupplier clock)
        throws PeerException, InterruptedException {
        PeerView view = PeerView.of(client.directClusterInfo(peer), client.liveness(peer));
        Map<String, TopicRouteData> routes = client.routes(peer, client.topics(peer, null), deadline);
        return PeerImages.groups(view, view.clusterInfo().brokerAddrTable().keySet(), routes, clock.getAsLong(), false);
    }
}
