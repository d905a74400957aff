package io.namesrv.protocol;

import java.util.Map;

/** The content of {@code kvConfig.json}: namespace -> (key -> value). */
public record KVConfigSerializeWrapper(Map<String, Map<String, String>> configTable) {

    public KVConfigSerializeWrapper {
        configTable = Immutables.map(configTable);
    }
}
