package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/**
 * GET_ROUTEINFO_BY_TOPIC request. {@code acceptStandardJsonOnly} (4.9.4+) asks for the
 * standard-JSON route whatever the client version.
 */
public record GetRouteInfoRequestHeader(String topic, Boolean acceptStandardJsonOnly) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static GetRouteInfoRequestHeader decode(Map<String, String> ext) {
        return new GetRouteInfoRequestHeader(
                ExtFields.string(ext, "topic"),
                ExtFields.booleanValue(ext, "acceptStandardJsonOnly"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "topic", topic);
        ExtFields.put(ext, "acceptStandardJsonOnly", acceptStandardJsonOnly);
    }
}
