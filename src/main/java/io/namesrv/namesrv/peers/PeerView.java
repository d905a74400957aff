package io.namesrv.namesrv.peers;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.BrokerLiveness;
import io.namesrv.protocol.BrokerLivenessTable;
import io.namesrv.protocol.BrokerMember;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.DataVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one name server knows directly (brokers that registered with it): its cluster view, and
 * for each member, when the server has code 40001, the data version and how long ago it last
 * heard from the broker. Built the same way for this server and for a peer, so they compare.
 *
 * @param liveness per (cluster, address); empty when {@code versionsKnown} is false (an Apache peer)
 */
record PeerView(ClusterInfo clusterInfo, Set<BrokerMember> members, Map<String, Liveness> liveness,
                boolean versionsKnown) {

    /** A member's data version, heartbeat age and timeout on that server. */
    record Liveness(DataVersion dataVersion, long heartbeatAgeMillis, long heartbeatTimeoutMillis, String haServerAddr) {
    }

    /** {@code liveness} null: the server does not tell (Apache). */
    static PeerView of(ClusterInfo direct, BrokerLivenessTable liveness) {
        Map<String, Liveness> byAddr = new HashMap<>();
        if (liveness != null && liveness.brokers() != null) {
            for (BrokerLiveness b : liveness.brokers()) {
                if (b != null && b.brokerAddr() != null) {
                    byAddr.put(key(b.clusterName(), b.brokerAddr()), new Liveness(b.dataVersion(),
                        Math.max(0, liveness.now() - b.lastUpdateTimestamp()), b.heartbeatTimeoutMillis(),
                        b.haServerAddr()));
                }
            }
        }
        ClusterInfo info = new ClusterInfo(direct == null || direct.brokerAddrTable() == null ? Map.of()
            : direct.brokerAddrTable(), direct == null || direct.clusterAddrTable() == null ? Map.of()
            : direct.clusterAddrTable());
        return new PeerView(info, BrokerMember.of(info), byAddr, liveness != null);
    }

    /** The member's liveness on that server, or null when not known. */
    Liveness livenessOf(BrokerMember m) {
        return liveness.get(key(m.cluster(), m.addr()));
    }

    /** The member's group as that server has it, or null. */
    BrokerData groupOf(String brokerName) {
        return clusterInfo.brokerAddrTable() == null ? null : clusterInfo.brokerAddrTable().get(brokerName);
    }

    private static String key(String cluster, String addr) {
        return cluster + "@" + addr;
    }
}
