package io.namesrv.namesrv.http;

import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoManager.BrokerLiveView;
import io.namesrv.namesrv.routeinfo.RouteTableSizes;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.QueueData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The status page's data: clusters, every broker with role, address, heartbeat age and timeout,
 * and topics with their queues. Built from the route table's copies (each taken under the read
 * lock), so a broker that leaves between two copies shows as not live rather than causing harm.
 */
final class StatusView {

    /** More topics than this are counted but not listed: the page is for people. */
    static final int MAX_TOPICS = 2000;

    record Cluster(String name, List<String> brokerNames) {
    }

    /** {@code origin}: direct (registered here), restored or relayed (provisional); null when not live. */
    record Broker(String cluster, String brokerName, long brokerId, String role, String addr, String zone,
                  boolean live, Long lastHeartbeatAgeMillis, Long heartbeatTimeoutMillis, String haServerAddr,
                  String origin) {
    }

    record Queue(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
    }

    record Topic(String topic, List<Queue> queues) {
    }

    /** {@code peers}: warm restart and peer name servers (see {@code io.namesrv.namesrv.peers.PeersStatus}). */
    record Status(long now, long uptimeMillis, boolean ready, String readiness, int listenPort, int liveBrokers,
                  int brokerGroups, int topicsTotal, List<Cluster> clusters, List<Broker> brokers, List<Topic> topics,
                  Object peers) {
    }

    private StatusView() {
    }

    static Status build(RouteInfoManager routes, long now, long uptimeMillis, Readiness readiness, int listenPort,
                        Object peers) {
        ClusterInfo info = routes.getAllClusterInfo();
        Map<String, BrokerLiveView> live = new HashMap<>();
        for (BrokerLiveView v : routes.liveBrokers()) {
            live.put(v.clusterName() + "@" + v.brokerAddr(), v);
        }
        List<Cluster> clusters = new ArrayList<>();
        info.clusterAddrTable().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> clusters.add(new Cluster(e.getKey(), List.copyOf(new TreeSet<>(e.getValue())))));

        List<Broker> brokers = new ArrayList<>();
        for (BrokerData bd : info.brokerAddrTable().values()) {
            for (Map.Entry<Long, String> e : bd.brokerAddrs().entrySet()) {
                BrokerLiveView v = live.get(bd.cluster() + "@" + e.getValue());
                brokers.add(new Broker(bd.cluster(), bd.brokerName(), e.getKey(), e.getKey() == 0 ? "MASTER" : "SLAVE",
                    e.getValue(), bd.zoneName(), v != null, v == null ? null : Math.max(0, now - v.lastUpdateTimestamp()),
                    v == null ? null : v.heartbeatTimeoutMillis(), v == null ? null : v.haServerAddr(),
                    v == null ? null : v.origin().label()));
            }
        }
        brokers.sort(Comparator.comparing(Broker::cluster).thenComparing(Broker::brokerName)
            .thenComparingLong(Broker::brokerId));

        RouteTableSizes sizes = routes.tableSizes();
        List<Topic> topics = new ArrayList<>();
        routes.topicQueues(MAX_TOPICS).forEach((topic, queues) -> {
            List<Queue> rows = new ArrayList<>(queues.size());
            queues.stream().sorted(Comparator.comparing(QueueData::brokerName)).forEach(q -> rows.add(
                new Queue(q.brokerName(), q.readQueueNums(), q.writeQueueNums(), q.perm(), q.topicSysFlag())));
            topics.add(new Topic(topic, rows));
        });
        return new Status(now, uptimeMillis, readiness.ready(), readiness.reason(), listenPort, sizes.liveBrokers(),
            sizes.brokerGroups(), sizes.topics(), clusters, brokers, topics, peers);
    }
}
