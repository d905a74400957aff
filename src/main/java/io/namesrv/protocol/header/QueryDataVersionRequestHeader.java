package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** QUERY_DATA_VERSION request (the body is the broker's DataVersion). */
public record QueryDataVersionRequestHeader(
        String brokerName,
        String brokerAddr,
        String clusterName,
        Long brokerId) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static QueryDataVersionRequestHeader decode(Map<String, String> ext) {
        return new QueryDataVersionRequestHeader(
                ExtFields.string(ext, "brokerName"),
                ExtFields.string(ext, "brokerAddr"),
                ExtFields.string(ext, "clusterName"),
                ExtFields.longValue(ext, "brokerId"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "brokerAddr", brokerAddr);
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "brokerId", brokerId);
    }
}
