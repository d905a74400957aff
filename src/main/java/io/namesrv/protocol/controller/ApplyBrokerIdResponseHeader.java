package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_APPLY_BROKER_ID response. */
public record ApplyBrokerIdResponseHeader(
        String clusterName,
        String brokerName) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static ApplyBrokerIdResponseHeader decode(Map<String, String> ext) {
        return new ApplyBrokerIdResponseHeader(
            ExtFields.string(ext, "clusterName"),
            ExtFields.string(ext, "brokerName"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerName", brokerName);
    }
}
