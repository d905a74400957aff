package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_GET_REPLICA_INFO response; no master fields while the group has no master. */
public record GetReplicaInfoResponseHeader(
        Long masterBrokerId,
        String masterAddress,
        Integer masterEpoch) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static GetReplicaInfoResponseHeader decode(Map<String, String> ext) {
        return new GetReplicaInfoResponseHeader(
            ExtFields.longValue(ext, "masterBrokerId"),
            ExtFields.string(ext, "masterAddress"),
            ExtFields.intValue(ext, "masterEpoch"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "masterBrokerId", masterBrokerId);
        ExtFields.put(ext, "masterAddress", masterAddress);
        ExtFields.put(ext, "masterEpoch", masterEpoch);
    }
}
