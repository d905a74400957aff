package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** DELETE_KV_CONFIG request. */
public record DeleteKVConfigRequestHeader(String namespace, String key) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static DeleteKVConfigRequestHeader decode(Map<String, String> ext) {
        return new DeleteKVConfigRequestHeader(
                ExtFields.string(ext, "namespace"),
                ExtFields.string(ext, "key"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "namespace", namespace);
        ExtFields.put(ext, "key", key);
    }
}
