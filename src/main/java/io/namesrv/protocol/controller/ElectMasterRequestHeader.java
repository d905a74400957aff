package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_ELECT_MASTER request (1002). A null or -1 {@code brokerId} means the controller itself asks. */
public record ElectMasterRequestHeader(
        String clusterName,
        String brokerName,
        Long brokerId,
        Boolean designateElect,
        Long invokeTime) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static ElectMasterRequestHeader decode(Map<String, String> ext) {
        return new ElectMasterRequestHeader(
            ExtFields.string(ext, "clusterName"),
            ExtFields.string(ext, "brokerName"),
            ExtFields.longValue(ext, "brokerId"),
            ExtFields.booleanValue(ext, "designateElect"),
            ExtFields.longValue(ext, "invokeTime"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "brokerId", brokerId);
        ExtFields.put(ext, "designateElect", designateElect);
        ExtFields.put(ext, "invokeTime", invokeTime);
    }
}
