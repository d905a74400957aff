package io.namesrv.protocol;

import java.util.Map;

/** The replicas of one broker group, by broker id. */
public record BrokerMemberGroup(Map<Long, String> brokerAddrs, String brokerName, String cluster) {

    public BrokerMemberGroup {
        brokerAddrs = Immutables.map(brokerAddrs);
    }
}
