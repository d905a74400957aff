package io.namesrv.namesrv.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.alibaba.fastjson2.JSON;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonHtmlEscapeTest {

    private static String escaped(String json) {
        return new String(JsonHtmlEscape.escape(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void anglesAndAmpersandsBecomeUnicodeEscapesAndParseBackToTheSameValue() {
        String name = "<script>alert(1)</script> & \\<\"é漢🙂";
        String json = JSON.toJSONString(Map.of("error", name));
        String out = escaped(json);
        assertEquals(-1, out.indexOf('<'), out);
        assertEquals(-1, out.indexOf('>'), out);
        assertEquals(-1, out.indexOf('&'), out);
        assertEquals(name, JSON.parseObject(out).getString("error"));
        assertEquals("{\"a\":\"\\u003cb\\u003e\\u0026\"}", escaped("{\"a\":\"<b>&\"}"));
    }

    @Test
    void textWithoutThemIsReturnedAsItIs() {
        byte[] json = "{\"topic\":\"TopicA\",\"n\":[1,2]}".getBytes(StandardCharsets.UTF_8);
        assertSame(json, JsonHtmlEscape.escape(json));
        assertArrayEquals(new byte[0], JsonHtmlEscape.escape(new byte[0]));
    }
}
