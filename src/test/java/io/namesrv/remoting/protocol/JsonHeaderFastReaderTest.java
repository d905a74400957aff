package io.namesrv.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast header reader against the fastjson2 path: whatever it reads must come out exactly as
 * fastjson2's would, and what it declines must be left to fastjson2 (which then decides).
 */
class JsonHeaderFastReaderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(RemotingCommand c) {
        return "code=" + c.getCode() + " lang=" + c.getLanguage() + " version=" + c.getVersion() + " opaque=" + c.getOpaque()
            + " flag=" + c.getFlag() + " remark=" + c.getRemark() + " ext=" + (c.getExtFields() == null ? null
            : new java.util.TreeMap<>(c.getExtFields()));
    }

    /** Asserts the fast reader takes {@code json} and agrees with fastjson2. */
    private static RemotingCommand readsLikeFastjson(String json) throws RemotingCommandException {
        RemotingCommand fast = JsonHeaderFastReader.read(utf8(json));
        assertNotNull(fast, "fast path declined: " + json);
        assertEquals(describe(JsonHeaderCodec.decodeLeniently(utf8(json))), describe(fast), json);
        return fast;
    }

    @Test
    void readsApacheClientHeaders() throws RemotingCommandException {
        RemotingCommand c = readsLikeFastjson("{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,"
            + "\"language\":\"JAVA\",\"opaque\":42,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":479}");
        assertEquals(105, c.getCode());
        assertEquals(Map.of("topic", "TopicTest"), c.getExtFields());
        assertEquals(LanguageCode.JAVA, c.getLanguage());
    }

    @Test
    void keepsEveryLeniency() throws RemotingCommandException {
        assertNull(readsLikeFastjson("{\"code\":1,\"language\":\"KLINGON\"}").getLanguage());
        assertEquals(LanguageCode.GO, readsLikeFastjson("{\"code\":1,\"language\":9}").getLanguage());
        assertEquals("", readsLikeFastjson("{\"code\":1,\"remark\":\"\"}").getRemark());
        assertNull(readsLikeFastjson("{\"code\":1,\"extFields\":null}").getExtFields());
        assertEquals(7, readsLikeFastjson("{\"unknown\":\"x\",\"other\":12,\"b\":true,\"n\":null,\"code\":7}").getCode());
        assertEquals("a\"b\\c/\n\t\u00e9\u2028\u0001", readsLikeFastjson(
            "{\"code\":1,\"remark\":\"a\\\"b\\\\c\\/\\n\\t\\u00e9\\u2028\\u0001\"}").getRemark());
        assertEquals("中文 remark", readsLikeFastjson("{\"code\":1,\"remark\":\"中文 remark\"}").getRemark());
        assertEquals(Map.of("b", "1"), readsLikeFastjson("{\"extFields\":{\"a\":null,\"b\":\"1\"}}").getExtFields());
        assertEquals(-5, readsLikeFastjson(" {\n \"code\" : -5 ,\t\"opaque\":null } ").getCode());
        assertEquals(Integer.MIN_VALUE, readsLikeFastjson("{\"code\":-2147483648}").getCode());
        readsLikeFastjson("{}");
        readsLikeFastjson("{\"extFields\":{}}");
    }

    @Test
    void declinesWhatItDoesNotRead() {
        String[] unusual = {
            "{\"code\":\"12\"}", "{\"code\":1.0}", "{\"code\":1e2}", "{\"code\":2147483648}", "{\"code\":true}",
            "{\"remark\":12}", "{\"extFields\":{\"a\":1}}", "{\"extFields\":{\"a\":\"1\",\"a\":null}}",
            "{\"nested\":{\"a\":1},\"code\":1}", "{\"list\":[1],\"code\":1}", "{'code':1}", "{code:1}",
            "{\"code\":1,\"code\":2}", "{\"code\":1} x", "{\"code\":1,}", "", "[]", "null", "{\"code\":01}",
            "{\"remark\":\"\\x\"}", "{\"remark\":\"é\\n\"}", "{\"code\":1 /* c */}", "{\"code\":1",
            "{\"remark\":\"a\u0001\"}",
        };
        for (String json : unusual) {
            assertNull(JsonHeaderFastReader.read(utf8(json)), json);
        }
    }

    @Test
    void declinedHeadersStillDecodeThroughFastjson() throws RemotingCommandException {
        assertEquals(12, JsonHeaderCodec.decode(utf8("{\"code\":\"12\"}")).getCode());
        assertEquals("1", JsonHeaderCodec.decode(utf8("{\"extFields\":{\"a\":1}}")).getExtFields().get("a"));
        assertEquals(3, JsonHeaderCodec.decode(utf8("{\"nested\":{\"a\":[1,{}]},\"code\":3}")).getCode());
        assertThrows(RemotingCommandException.class, () -> JsonHeaderCodec.decode(utf8("{\"code\":1")));
        assertThrows(RemotingCommandException.class, () -> JsonHeaderCodec.decode(utf8("")));
    }

    /** Random headers in the common shape, written the way our encoder writes them and with extra whitespace. */
    @Test
    void randomHeadersReadAsFastjsonReadsThem() throws RemotingCommandException {
        Random random = new Random(20261123L);
        for (int i = 0; i < 3000; i++) {
            RemotingCommand cmd = new RemotingCommand().setCode(randomInt(random)).setOpaque(randomInt(random))
                .setFlag(random.nextInt(4)).setVersion(random.nextInt(600))
                .setLanguage(random.nextBoolean() ? null : LanguageCode.values()[random.nextInt(LanguageCode.values().length)]);
            if (random.nextBoolean()) {
                cmd.setRemark(randomString(random));
            }
            if (random.nextInt(4) > 0) {
                int n = random.nextInt(6);
                for (int k = 0; k < n; k++) {
                    cmd.addExtField(randomString(random), randomString(random));
                }
            }
            String json = new String(JsonHeaderCodec.encode(cmd), StandardCharsets.UTF_8);
            if (random.nextBoolean()) {
                json = json.replace(",", " ,\n ").replace(":", " : ");
            }
            RemotingCommand fast = JsonHeaderFastReader.read(utf8(json));
            RemotingCommand slow = JsonHeaderCodec.decodeLeniently(utf8(json));
            if (fast != null) {
                assertEquals(describe(slow), describe(fast), json);
            }
            assertEquals(describe(slow), describe(JsonHeaderCodec.decode(utf8(json))), json);
        }
    }

    @Test
    void randomAsciiHeadersAreAllTakenByTheFastPath() throws RemotingCommandException {
        Random random = new Random(7L);
        for (int i = 0; i < 500; i++) {
            RemotingCommand cmd = new RemotingCommand().setCode(random.nextInt(400)).setOpaque(random.nextInt())
                .setLanguage(LanguageCode.JAVA).setVersion(479);
            cmd.addExtField("topic", "Topic-" + random.nextInt(100_000));
            cmd.addExtField("brokerName", "broker \"" + random.nextInt(10) + "\"\t\\");
            String json = new String(JsonHeaderCodec.encode(cmd), StandardCharsets.UTF_8);
            readsLikeFastjson(json);
        }
    }

    private static int randomInt(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000);
            case 2 -> -random.nextInt(1000);
            default -> random.nextInt();
        };
    }

    private static String randomString(Random random) {
        String alphabet = "abcXYZ019 :,{}[]\"\\/\n\t\r\b\f\u0000\u001f\u007f\u00e9\u4e2d\u2028\u2029";
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
