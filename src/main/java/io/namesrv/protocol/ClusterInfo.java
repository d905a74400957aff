package io.namesrv.protocol;

import java.util.Map;
import java.util.Set;

/** The answer to GET_BROKER_CLUSTER_INFO; always sent in the plain form ({@code {0:"..."}} keys). */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {

    public ClusterInfo {
        brokerAddrTable = Immutables.map(brokerAddrTable);
        clusterAddrTable = Immutables.map(clusterAddrTable);
    }
}
