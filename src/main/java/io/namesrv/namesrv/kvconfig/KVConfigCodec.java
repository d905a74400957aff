package io.namesrv.namesrv.kvconfig;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Apache's kvConfig.json format, {@code {"configTable":{"<ns>":{"<key>":"<value>"}}}}, compact
 * UTF-8 JSON. We write namespaces and keys sorted (Apache uses HashMap order; readers do not care)
 * so the file diffs cleanly.
 */
final class KVConfigCodec {

    private KVConfigCodec() {
    }

    static String encode(Map<String, ? extends Map<String, String>> table) {
        Map<String, Map<String, String>> sorted = new TreeMap<>();
        table.forEach((ns, kv) -> sorted.put(ns, new TreeMap<>(kv)));
        return JSON.toJSONString(Collections.singletonMap("configTable", sorted));
    }

    /** Parses a file's text; anything that is not the expected shape is an {@link IOException}. */
    static Map<String, Map<String, String>> decode(String text) throws IOException {
        if (text.isBlank()) {
            throw new IOException("empty file");
        }
        JSONObject root;
        try {
            root = JSON.parseObject(text);
        } catch (JSONException e) {
            throw new IOException("not valid JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IOException("not a JSON object");
        }
        Map<String, Map<String, String>> table = new HashMap<>();
        Object configTable = root.get("configTable");
        if (configTable == null) {
            return table;
        }
        if (!(configTable instanceof JSONObject namespaces)) {
            throw new IOException("configTable is not an object");
        }
        for (Map.Entry<String, Object> ns : namespaces.entrySet()) {
            if (!(ns.getValue() instanceof JSONObject entries)) {
                throw new IOException("namespace " + ns.getKey() + " is not an object");
            }
            Map<String, String> kv = new HashMap<>();
            entries.forEach((k, v) -> {
                if (v != null) {
                    kv.put(k, v.toString());
                }
            });
            table.put(ns.getKey(), kv);
        }
        return table;
    }
}
