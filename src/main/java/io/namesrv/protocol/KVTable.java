package io.namesrv.protocol;

import java.util.Map;

/** One namespace of the KV config, as GET_KVLIST_BY_NAMESPACE and REGISTER_BROKER answer it. */
public record KVTable(Map<String, String> table) {

    public KVTable {
        table = Immutables.map(table);
    }
}
