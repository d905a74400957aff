package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_GET_REPLICA_INFO request (1004). */
public record GetReplicaInfoRequestHeader(
        String brokerName) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static GetReplicaInfoRequestHeader decode(Map<String, String> ext) {
        return new GetReplicaInfoRequestHeader(
            ExtFields.string(ext, "brokerName"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "brokerName", brokerName);
    }
}
