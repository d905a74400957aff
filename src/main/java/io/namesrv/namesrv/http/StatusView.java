package io.namesrv.namesrv.http;

import io.namesrv.namesrv.console.BrokerEventLog;
import io.namesrv.namesrv.console.ServerIdentity;
import io.namesrv.namesrv.console.StatusConsole;
import io.namesrv.namesrv.console.StatusSection;
import io.namesrv.namesrv.console.TopicIndex;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoManager.BrokerLiveView;
import io.namesrv.namesrv.routeinfo.RouteTableSizes;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The status page's data: which server this is, contributed sections, clusters, every broker
 * (live ones with heartbeat age and timeout, and those that left recently with why), and one page
 * of a topic search. Built from the route table's copies (each taken under the read lock), so a
 * broker that leaves between two copies shows as not live rather than causing harm.
 */
final class StatusView {

    record Cluster(String name, List<String> brokerNames) {
    }

    /**
     * {@code state}: live, late (past half its timeout without a heartbeat), restored or relayed
     * (routed but provisional: from a snapshot or a peer, not yet registered here), not live
     * (named in the cluster table only), or how it left: expired, closed, failed, idle,
     * unregistered, withdrawn. {@code origin}: direct, restored or relayed for a live broker.
     */
    record Broker(String cluster, String brokerName, Long brokerId, String role, String addr, String zone,
                  String state, Long lastHeartbeatAgeMillis, Long heartbeatTimeoutMillis, String haServerAddr,
                  Long goneAgoMillis, String detail, String origin) {
    }

    record Queue(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
    }

    record Topic(String topic, List<Queue> queues) {
    }

    record TopicsPage(String query, List<Topic> topics, String next, int searchedTo, int indexed, long indexAgeMillis,
                      boolean indexing) {
    }

    /** {@code peers}: warm restart and peer name servers ({@code io.namesrv.namesrv.peers.PeersStatus}), or null. */
    record Status(long now, boolean ready, String readiness, ServerIdentity server, List<StatusSection> sections,
                  int liveBrokers, int brokerGroups, int topicsTotal, List<Cluster> clusters, List<Broker> brokers,
                  TopicsPage topics, Object peers) {
    }

    private StatusView() {
    }

    static Status build(RouteInfoManager routes, StatusConsole console, long now, Readiness readiness,
                        TopicsPage topics, Object peers) {
        ClusterInfo info = routes.getAllClusterInfo();
        Map<String, BrokerLiveView> live = new HashMap<>();
        for (BrokerLiveView v : routes.liveBrokers()) {
            live.put(v.clusterName() + "@" + v.brokerAddr(), v);
        }
        List<Cluster> clusters = new ArrayList<>();
        info.clusterAddrTable().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> clusters.add(new Cluster(e.getKey(), List.copyOf(new TreeSet<>(e.getValue())))));

        List<Broker> brokers = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (BrokerData bd : info.brokerAddrTable().values()) {
            for (Map.Entry<Long, String> e : bd.brokerAddrs().entrySet()) {
                String key = bd.cluster() + "@" + e.getValue();
                listed.add(key);
                BrokerLiveView v = live.get(key);
                Long age = v == null ? null : Math.max(0, now - v.lastUpdateTimestamp());
                String state = v == null ? "not live" : v.origin().provisional() ? v.origin().label()
                    : age > v.heartbeatTimeoutMillis() / 2 ? "late" : "live";
                brokers.add(new Broker(bd.cluster(), bd.brokerName(), e.getKey(), role(e.getKey()), e.getValue(),
                    bd.zoneName(), state, age, v == null ? null : v.heartbeatTimeoutMillis(),
                    v == null ? null : v.haServerAddr(), null, null, v == null ? null : v.origin().label()));
            }
        }
        // Brokers that left stay on the page, unless they are back (events from different threads
        // may arrive out of order: the table has the last word).
        for (BrokerEventLog.Event gone : console.events().departed()) {
            if (listed.add(gone.cluster() + "@" + gone.addr())) {
                brokers.add(new Broker(gone.cluster(), gone.brokerName(), gone.brokerId(),
                    gone.brokerId() == null ? null : role(gone.brokerId()), gone.addr(), null, gone.kind(), null, null,
                    null, Math.max(0, now - gone.timeMillis()), gone.detail(), null));
            }
        }
        brokers.sort(Comparator.comparing(Broker::cluster)
            .thenComparing(Broker::brokerName, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Broker::brokerId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Broker::addr));

        RouteTableSizes sizes = routes.tableSizes();
        return new Status(now, readiness.ready(), readiness.reason(), console.identity(), console.sections(),
            sizes.liveBrokers(), sizes.brokerGroups(), sizes.topics(), clusters, brokers, topics, peers);
    }

    private static String role(long brokerId) {
        return brokerId == 0 ? "MASTER" : "SLAVE";
    }

    /** One page of a topic search, each topic with its queues as its route has them now. */
    static TopicsPage topics(RouteInfoManager routes, TopicIndex index, String query, String after, int limit) {
        TopicIndex.Page page = index.search(query, after, limit);
        List<Topic> rows = new ArrayList<>(page.topics().size());
        for (String topic : page.topics()) {
            TopicRouteData route = routes.pickupTopicRouteData(topic);
            List<Queue> queues = route == null ? List.of() : route.queueDatas().stream()
                .sorted(Comparator.comparing(QueueData::brokerName))
                .map(q -> new Queue(q.brokerName(), q.readQueueNums(), q.writeQueueNums(), q.perm(), q.topicSysFlag()))
                .toList();
            rows.add(new Topic(topic, queues));
        }
        return new TopicsPage(page.query(), rows, page.next(), page.searchedTo(), page.indexed(), page.indexAgeMillis(),
            page.indexing());
    }
}
