package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** GET_KV_CONFIG request. */
public record GetKVConfigRequestHeader(String namespace, String key) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static GetKVConfigRequestHeader decode(Map<String, String> ext) {
        return new GetKVConfigRequestHeader(
                ExtFields.string(ext, "namespace"),
                ExtFields.string(ext, "key"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "namespace", namespace);
        ExtFields.put(ext, "key", key);
    }
}
