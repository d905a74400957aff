package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_ALTER_SYNC_STATE_SET request (1001); the new set travels in the body. */
public record AlterSyncStateSetRequestHeader(
        String brokerName,
        Long masterBrokerId,
        Integer masterEpoch,
        Long invokeTime) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static AlterSyncStateSetRequestHeader decode(Map<String, String> ext) {
        return new AlterSyncStateSetRequestHeader(
            ExtFields.string(ext, "brokerName"),
            ExtFields.longValue(ext, "masterBrokerId"),
            ExtFields.intValue(ext, "masterEpoch"),
            ExtFields.longValue(ext, "invokeTime"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "masterBrokerId", masterBrokerId);
        ExtFields.put(ext, "masterEpoch", masterEpoch);
        ExtFields.put(ext, "invokeTime", invokeTime);
    }
}
