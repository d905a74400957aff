package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_REGISTER_BROKER response; the master fields only when a live master exists. */
public record RegisterBrokerToControllerResponseHeader(
        String clusterName,
        String brokerName,
        Long masterBrokerId,
        String masterAddress,
        Integer masterEpoch,
        Integer syncStateSetEpoch) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static RegisterBrokerToControllerResponseHeader decode(Map<String, String> ext) {
        return new RegisterBrokerToControllerResponseHeader(
            ExtFields.string(ext, "clusterName"),
            ExtFields.string(ext, "brokerName"),
            ExtFields.longValue(ext, "masterBrokerId"),
            ExtFields.string(ext, "masterAddress"),
            ExtFields.intValue(ext, "masterEpoch"),
            ExtFields.intValue(ext, "syncStateSetEpoch"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "masterBrokerId", masterBrokerId);
        ExtFields.put(ext, "masterAddress", masterAddress);
        ExtFields.put(ext, "masterEpoch", masterEpoch);
        ExtFields.put(ext, "syncStateSetEpoch", syncStateSetEpoch);
    }
}
