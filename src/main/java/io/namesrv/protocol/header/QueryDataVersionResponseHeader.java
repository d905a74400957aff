package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** QUERY_DATA_VERSION response: whether the broker's version differs from the stored one. */
public record QueryDataVersionResponseHeader(Boolean changed) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static QueryDataVersionResponseHeader decode(Map<String, String> ext) {
        return new QueryDataVersionResponseHeader(
                ExtFields.booleanValue(ext, "changed"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "changed", changed);
    }
}
