package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** GET_KVLIST_BY_NAMESPACE request. */
public record GetKVListByNamespaceRequestHeader(String namespace) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static GetKVListByNamespaceRequestHeader decode(Map<String, String> ext) {
        return new GetKVListByNamespaceRequestHeader(
                ExtFields.string(ext, "namespace"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "namespace", namespace);
    }
}
