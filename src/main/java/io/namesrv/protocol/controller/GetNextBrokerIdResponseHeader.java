package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_GET_NEXT_BROKER_ID response. */
public record GetNextBrokerIdResponseHeader(
        String clusterName,
        String brokerName,
        Long nextBrokerId) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static GetNextBrokerIdResponseHeader decode(Map<String, String> ext) {
        return new GetNextBrokerIdResponseHeader(
            ExtFields.string(ext, "clusterName"),
            ExtFields.string(ext, "brokerName"),
            ExtFields.longValue(ext, "nextBrokerId"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "nextBrokerId", nextBrokerId);
    }
}
