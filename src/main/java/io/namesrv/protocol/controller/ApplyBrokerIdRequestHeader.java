package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_APPLY_BROKER_ID request (1013); {@code registerCheckCode} is {@code ip:port;millis}. */
public record ApplyBrokerIdRequestHeader(
        String clusterName,
        String brokerName,
        Long appliedBrokerId,
        String registerCheckCode) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static ApplyBrokerIdRequestHeader decode(Map<String, String> ext) {
        return new ApplyBrokerIdRequestHeader(
            ExtFields.string(ext, "clusterName"),
            ExtFields.string(ext, "brokerName"),
            ExtFields.longValue(ext, "appliedBrokerId"),
            ExtFields.string(ext, "registerCheckCode"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "appliedBrokerId", appliedBrokerId);
        ExtFields.put(ext, "registerCheckCode", registerCheckCode);
    }
}
