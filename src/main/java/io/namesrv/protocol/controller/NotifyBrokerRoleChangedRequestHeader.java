package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** NOTIFY_BROKER_ROLE_CHANGED (1008), pushed by the controller to a group's live members after an election. */
public record NotifyBrokerRoleChangedRequestHeader(
        String masterAddress,
        Integer masterEpoch,
        Integer syncStateSetEpoch,
        Long masterBrokerId) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static NotifyBrokerRoleChangedRequestHeader decode(Map<String, String> ext) {
        return new NotifyBrokerRoleChangedRequestHeader(
            ExtFields.string(ext, "masterAddress"),
            ExtFields.intValue(ext, "masterEpoch"),
            ExtFields.intValue(ext, "syncStateSetEpoch"),
            ExtFields.longValue(ext, "masterBrokerId"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "masterAddress", masterAddress);
        ExtFields.put(ext, "masterEpoch", masterEpoch);
        ExtFields.put(ext, "syncStateSetEpoch", syncStateSetEpoch);
        ExtFields.put(ext, "masterBrokerId", masterBrokerId);
    }
}
