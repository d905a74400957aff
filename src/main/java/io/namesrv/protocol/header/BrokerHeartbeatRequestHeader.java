package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** BROKER_HEARTBEAT request (5.x). {@code heartbeatTimeoutMills} is Apache's spelling on the wire. */
public record BrokerHeartbeatRequestHeader(
        String clusterName,
        String brokerAddr,
        String brokerName,
        Long brokerId,
        Integer epoch,
        Long maxOffset,
        Long confirmOffset,
        Long heartbeatTimeoutMills,
        Integer electionPriority) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static BrokerHeartbeatRequestHeader decode(Map<String, String> ext) {
        return new BrokerHeartbeatRequestHeader(
                ExtFields.string(ext, "clusterName"),
                ExtFields.string(ext, "brokerAddr"),
                ExtFields.string(ext, "brokerName"),
                ExtFields.longValue(ext, "brokerId"),
                ExtFields.intValue(ext, "epoch"),
                ExtFields.longValue(ext, "maxOffset"),
                ExtFields.longValue(ext, "confirmOffset"),
                ExtFields.longValue(ext, "heartbeatTimeoutMills"),
                ExtFields.intValue(ext, "electionPriority"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerAddr", brokerAddr);
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "brokerId", brokerId);
        ExtFields.put(ext, "epoch", epoch);
        ExtFields.put(ext, "maxOffset", maxOffset);
        ExtFields.put(ext, "confirmOffset", confirmOffset);
        ExtFields.put(ext, "heartbeatTimeoutMills", heartbeatTimeoutMills);
        ExtFields.put(ext, "electionPriority", electionPriority);
    }
}
