package io.namesrv.protocol;

import java.util.Map;

/**
 * A broker group: its replicas' addresses by broker id (0 = master). The id keys are written
 * unquoted ({@code {0:"ip:port"}}) in the plain JSON form, quoted in the standard form.
 */
public record BrokerData(
        Map<Long, String> brokerAddrs,
        String brokerName,
        String cluster,
        boolean enableActingMaster,
        String zoneName) {

    public BrokerData {
        brokerAddrs = Immutables.map(brokerAddrs);
    }

    /** The same group with another address table (the map is taken over, not copied). */
    public BrokerData withBrokerAddrs(Map<Long, String> newBrokerAddrs) {
        return new BrokerData(newBrokerAddrs, brokerName, cluster, enableActingMaster, zoneName);
    }
}
