package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** PUT_KV_CONFIG request. */
public record PutKVConfigRequestHeader(
        String namespace,
        String key,
        String value) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static PutKVConfigRequestHeader decode(Map<String, String> ext) {
        return new PutKVConfigRequestHeader(
                ExtFields.string(ext, "namespace"),
                ExtFields.string(ext, "key"),
                ExtFields.string(ext, "value"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "namespace", namespace);
        ExtFields.put(ext, "key", key);
        ExtFields.put(ext, "value", value);
    }
}
