package io.namesrv.namesrv.kvconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KVConfigCodecTest {

    @Test
    void encodesCompactAndSorted() {
        Map<String, Map<String, String>> table = new HashMap<>();
        table.put("b", new HashMap<>(Map.of("y", "2", "x", "1")));
        table.put("a", new HashMap<>());
        assertEquals("{\"configTable\":{\"a\":{},\"b\":{\"x\":\"1\",\"y\":\"2\"}}}", KVConfigCodec.encode(table));
    }

    @Test
    void decodesWhatItEncodes() throws IOException {
        Map<String, Map<String, String>> table = Map.of("ns", Map.of("k", "v=1;w:2"), "empty", Map.of());
        assertEquals(table, KVConfigCodec.decode(KVConfigCodec.encode(table)));
    }

    @Test
    void toleratesApacheVariations() throws IOException {
        assertEquals(Map.of(), KVConfigCodec.decode("{}"));
        assertEquals(Map.of("ns", Map.of("n", "1")),
            KVConfigCodec.decode(" {\"configTable\" : {\"ns\":{\"n\":1, \"z\":null}}}\n"));
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "  ", "null", "{\"configTable\":", "{\"configTable\":[]}",
            "{\"configTable\":{\"ns\":\"v\"}}", "[]", "not json"}) {
            assertThrows(IOException.class, () -> KVConfigCodec.decode(bad), bad);
        }
    }
}
