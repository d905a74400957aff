package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/**
 * REGISTER_BROKER request. {@code compressed} and {@code bodyCrc32} are primitives in Apache, so
 * they default to false and 0 (0 = unchecked) and are always written.
 */
public record RegisterBrokerRequestHeader(
        String brokerName,
        String brokerAddr,
        String clusterName,
        String haServerAddr,
        Long brokerId,
        Long heartbeatTimeoutMillis,
        Boolean enableActingMaster,
        boolean compressed,
        int bodyCrc32) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static RegisterBrokerRequestHeader decode(Map<String, String> ext) {
        return new RegisterBrokerRequestHeader(
                ExtFields.string(ext, "brokerName"),
                ExtFields.string(ext, "brokerAddr"),
                ExtFields.string(ext, "clusterName"),
                ExtFields.string(ext, "haServerAddr"),
                ExtFields.longValue(ext, "brokerId"),
                ExtFields.longValue(ext, "heartbeatTimeoutMillis"),
                ExtFields.booleanValue(ext, "enableActingMaster"),
                Boolean.TRUE.equals(ExtFields.booleanValue(ext, "compressed")),
                orZero(ExtFields.intValue(ext, "bodyCrc32")));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "brokerAddr", brokerAddr);
        ExtFields.put(ext, "clusterName", clusterName);
        ExtFields.put(ext, "haServerAddr", haServerAddr);
        ExtFields.put(ext, "brokerId", brokerId);
        ExtFields.put(ext, "heartbeatTimeoutMillis", heartbeatTimeoutMillis);
        ExtFields.put(ext, "enableActingMaster", enableActingMaster);
        ExtFields.put(ext, "compressed", compressed);
        ExtFields.put(ext, "bodyCrc32", bodyCrc32);
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
