package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** GET_BROKER_MEMBER_GROUP request (5.x). */
public record GetBrokerMemberGroupRequestHeader(String clusterName, String brokerName) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static GetBrokerMemberGroupRequestHeader decode(Map<String, String> ext) {
        return new GetBrokerMemberGroupRequestHeader(
                ExtFields.string(ext, "clusterName"),
                ExtFields.string(ext, "brokerName"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerName", brokerName);
    }
}
