package io.namesrv.protocol.controller;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import java.util.Map;

/** CONTROLLER_GET_METADATA_INFO response (1005): who leads the controller group. */
public record GetMetaDataResponseHeader(
        String group,
        String controllerLeaderId,
        String controllerLeaderAddress,
        Boolean isLeader,
        String peers) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static GetMetaDataResponseHeader decode(Map<String, String> ext) {
        return new GetMetaDataResponseHeader(
            ExtFields.string(ext, "group"),
            ExtFields.string(ext, "controllerLeaderId"),
            ExtFields.string(ext, "controllerLeaderAddress"),
            ExtFields.booleanValue(ext, "isLeader"),
            ExtFields.string(ext, "peers"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "group", group);
        ExtFields.put(ext, "controllerLeaderId", controllerLeaderId);
        ExtFields.put(ext, "controllerLeaderAddress", controllerLeaderAddress);
        ExtFields.put(ext, "isLeader", isLeader);
        ExtFields.put(ext, "peers", peers);
    }
}
