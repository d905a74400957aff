package io.namesrv.protocol;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One broker process as a cluster view names it: cluster, broker name, broker id and address.
 * Two name servers agree about a broker when both list the same member.
 */
public record BrokerMember(String cluster, String brokerName, long brokerId, String addr)
    implements Comparable<BrokerMember> {

    private static final Comparator<BrokerMember> ORDER = Comparator.comparing(BrokerMember::cluster)
        .thenComparing(BrokerMember::brokerName).thenComparingLong(BrokerMember::brokerId)
        .thenComparing(BrokerMember::addr);

    /** Every member of a GET_BROKER_CLUSTER_INFO answer, sorted; entries without a name or address are left out. */
    public static Set<BrokerMember> of(ClusterInfo info) {
        Set<BrokerMember> members = new TreeSet<>();
        if (info == null || info.brokerAddrTable() == null) {
            return members;
        }
        for (Map.Entry<String, BrokerData> e : info.brokerAddrTable().entrySet()) {
            BrokerData data = e.getValue();
            if (data == null || data.brokerAddrs() == null) {
                continue;
            }
            String cluster = data.cluster() == null ? "" : data.cluster();
            String name = data.brokerName() == null ? e.getKey() : data.brokerName();
            data.brokerAddrs().forEach((id, addr) -> {
                if (id != null && addr != null && name != null) {
                    members.add(new BrokerMember(cluster, name, id, addr));
                }
            });
        }
        return members;
    }

    @Override
    public int compareTo(BrokerMember o) {
        return ORDER.compare(this, o);
    }

    /** {@code cluster/brokerName/id@addr}, for logs and tables. */
    @Override
    public String toString() {
        return cluster + "/" + brokerName + "/" + brokerId + "@" + addr;
    }
}
