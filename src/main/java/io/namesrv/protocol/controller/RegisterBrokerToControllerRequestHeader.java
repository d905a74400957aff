package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_REGISTER_BROKER request (1003). */
public record RegisterBrokerToControllerRequestHeader(
        String clusterName,
        String brokerName,
        Long brokerId,
        String brokerAddress,
        Long invokeTime) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static RegisterBrokerToControllerRequestHeader decode(Map<String, String> ext) {
        return new RegisterBrokerToControllerRequestHeader(
            ExtFields.string(ext, "clusterName"),
            ExtFields.string(ext, "brokerName"),
            ExtFields.longValue(ext, "brokerId"),
            ExtFields.string(ext, "brokerAddress"),
            ExtFields.longValue(ext, "invokeTime"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "brokerId", brokerId);
        ExtFields.put(ext, "brokerAddress", brokerAddress);
        ExtFields.put(ext, "invokeTime", invokeTime);
    }
}
