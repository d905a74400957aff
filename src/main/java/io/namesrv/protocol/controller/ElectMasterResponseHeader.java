package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_ELECT_MASTER response (also what MASTER_STILL_EXIST carries). */
public record ElectMasterResponseHeader(
        Long masterBrokerId,
        String masterAddress,
        Integer masterEpoch,
        Integer syncStateSetEpoch) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static ElectMasterResponseHeader decode(Map<String, String> ext) {
        return new ElectMasterResponseHeader(
            ExtFields.longValue(ext, "masterBrokerId"),
            ExtFields.string(ext, "masterAddress"),
            ExtFields.intValue(ext, "masterEpoch"),
            ExtFields.intValue(ext, "syncStateSetEpoch"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "masterBrokerId", masterBrokerId);
        ExtFields.put(ext, "masterAddress", masterAddress);
        ExtFields.put(ext, "masterEpoch", masterEpoch);
        ExtFields.put(ext, "syncStateSetEpoch", syncStateSetEpoch);
    }
}
