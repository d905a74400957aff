package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_ALTER_SYNC_STATE_SET response; 0 on a refusal, as Apache answers. */
public record AlterSyncStateSetResponseHeader(
        Integer newSyncStateSetEpoch) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static AlterSyncStateSetResponseHeader decode(Map<String, String> ext) {
        return new AlterSyncStateSetResponseHeader(
            ExtFields.intValue(ext, "newSyncStateSetEpoch"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "newSyncStateSetEpoch", newSyncStateSetEpoch);
    }
}
