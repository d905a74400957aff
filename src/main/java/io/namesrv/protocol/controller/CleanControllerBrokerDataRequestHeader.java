package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CLEAN_BROKER_DATA request (1011); {@code brokerControllerIdsToClean} is {@code 1;2}, absent for all. */
public record CleanControllerBrokerDataRequestHeader(
        String clusterName,
        String brokerName,
        String brokerControllerIdsToClean,
        Boolean isCleanLivingBroker,
        Long invokeTime) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static CleanControllerBrokerDataRequestHeader decode(Map<String, String> ext) {
        return new CleanControllerBrokerDataRequestHeader(
            ExtFields.string(ext, "clusterName"),
            ExtFields.string(ext, "brokerName"),
            ExtFields.string(ext, "brokerControllerIdsToClean"),
            ExtFields.booleanValue(ext, "isCleanLivingBroker"),
            ExtFields.longValue(ext, "invokeTime"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "brokerControllerIdsToClean", brokerControllerIdsToClean);
        ExtFields.put(ext, "isCleanLivingBroker", isCleanLivingBroker);
        ExtFields.put(ext, "invokeTime", invokeTime);
    }
}
