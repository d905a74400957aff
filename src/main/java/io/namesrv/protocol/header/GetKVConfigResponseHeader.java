package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** GET_KV_CONFIG response. */
public record GetKVConfigResponseHeader(String value) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static GetKVConfigResponseHeader decode(Map<String, String> ext) {
        return new GetKVConfigResponseHeader(
                ExtFields.string(ext, "value"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "value", value);
    }
}
