package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The broker processes a {@code -c clusterName} names, from the name server's cluster info (106),
 * in the order Apache's mqadmin visits them (its hash sets and maps, rebuilt here with the same
 * contents), so that per-broker lines come out in the same order. A cluster the name server does
 * not know is an error, where Apache's prints a warning without a newline and does nothing.
 */
final class ClusterBrokers {

    /** Apache's key for the replicas of a group that has no master. */
    static final String NO_MASTER = "NO_MASTER";

    private final ClusterInfo info;
    private final String cluster;
    private final Set<String> brokerNames;

    private ClusterBrokers(ClusterInfo info, String cluster, Set<String> brokerNames) {
        this.info = info;
        this.cluster = cluster;
        this.brokerNames = brokerNames;
    }

    static ClusterBrokers of(CommandContext ctx, String cluster) throws CliException, InterruptedException {
        ClusterInfo info = ClusterInfos.fetch(ctx);
        Set<String> names = info.clusterAddrTable().get(cluster);
        if (names == null || names.isEmpty()) {
            throw new CliException("no cluster named '" + cluster + "' on the name server; known: "
                + new TreeSet<>(info.clusterAddrTable().keySet()));
        }
        return new ClusterBrokers(info, cluster, new HashSet<>(names));
    }

    String cluster() {
        return cluster;
    }

    /** The cluster's broker names (broker groups). */
    Set<String> brokerNames() {
        return brokerNames;
    }

    /** Every group's master. */
    Set<String> masters() {
        Set<String> masters = new HashSet<>();
        for (BrokerData data : groups()) {
            String master = data.brokerAddrs().get(0L);
            if (master != null) {
                masters.add(master);
            }
        }
        return masters;
    }

    /** Every broker process: masters and replicas. */
    Set<String> mastersAndReplicas() {
        Set<String> all = new HashSet<>();
        for (BrokerData data : groups()) {
            all.addAll(ClusterInfos.addrsInApacheOrder(data).values());
        }
        return all;
    }

    /** Each master with its replicas; the replicas of master-less groups under {@link #NO_MASTER}. */
    Map<String, List<String>> mastersWithReplicas() {
        Map<String, List<String>> byMaster = new HashMap<>(4);
        for (BrokerData data : groups()) {
            Map<Long, String> addrs = ClusterInfos.addrsInApacheOrder(data);
            String master = addrs.get(0L);
            List<String> replicas = master == null ? byMaster.computeIfAbsent(NO_MASTER, k -> new ArrayList<>())
                : new ArrayList<>();
            if (master != null) {
                byMaster.put(master, replicas);
            }
            addrs.forEach((id, addr) -> {
                if (addr != null && id != 0L) {
                    replicas.add(addr);
                }
            });
        }
        return byMaster;
    }

    private List<BrokerData> groups() {
        List<BrokerData> groups = new ArrayList<>();
        for (String name : brokerNames) {
            BrokerData data = info.brokerAddrTable().get(name);
            if (data != null && data.brokerAddrs() != null) {
                groups.add(data);
            }
        }
        return groups;
    }

    /** The broker name of the group {@code addr} belongs to (any member), from fresh cluster info. */
    static String brokerNameOf(CommandContext ctx, String addr) throws CliException, InterruptedException {
        for (Map.Entry<String, BrokerData> e : ClusterInfos.fetch(ctx).brokerAddrTable().entrySet()) {
            if (e.getValue().brokerAddrs() != null && e.getValue().brokerAddrs().containsValue(addr)) {
                return e.getKey();
            }
        }
        throw new CliException("no broker at " + addr + " is registered with the name server");
    }
}
