package io.namesrv.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast REGISTER_BROKER body reader against the fastjson2 path: on any input it either
 * declines or builds exactly what fastjson2 builds (equal, and equal in iteration order, so the
 * same map classes filled the same way), and it does not decline the shapes brokers send.
 */
class RegisterBrokerBodyJsonReaderTest {

    private final JsonBodies json = new JsonBodies();
    private final RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(json);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The fast reader's answer, asserted equal to fastjson2's when it gives one. */
    private RegisterBrokerBody agrees(byte[] body) {
        RegisterBrokerBody fast = RegisterBrokerBodyJsonReader.read(body);
        if (fast != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            RegisterBrokerBody slow;
            try {
                slow = json.decode(body, RegisterBrokerBody.class);
            } catch (MalformedBodyException e) {
                throw new AssertionError("fastjson2 rejects what the fast reader read: " + text, e);
            }
            assertEquals(slow, fast, text);
            assertEquals(slow.toString(), fast.toString(), text); // same iteration order
        }
        return fast;
    }

    private RegisterBrokerBody takesFastPath(byte[] body) {
        RegisterBrokerBody fast = agrees(body);
        assertNotNull(fast, () -> "declined: " + new String(body, StandardCharsets.UTF_8));
        return fast;
    }

    /** Through the codec: the same body as fastjson2 alone, or the same MalformedBodyException. */
    private void codecAgrees(byte[] body) {
        agrees(body);
        RegisterBrokerBody slow;
        try {
            slow = json.decode(body, RegisterBrokerBody.class);
        } catch (MalformedBodyException e) {
            assertThrows(MalformedBodyException.class, () -> codec.decodeJson(body));
            return;
        }
        assertEquals(slow, codec.decodeJson(body));
    }

    @Test
    void apacheBrokersBodyTakesTheFastPath() {
        var apache = RegisterBrokerBodyCodecTest.apacheBody(40); // attributes, order, sysflags, mapping info
        byte[] body = apache.encode(false);
        assertEquals(RegisterBrokerBodyCodecTest.oursOf(apache), takesFastPath(body));
    }

    @Test
    void benchBodyTakesTheFastPathAndSharesTopicNames() {
        RegisterBrokerBody expected = RegisterBodyDecodeTiming.benchBody(500);
        RegisterBrokerBody fast = takesFastPath(codec.encodeJson(expected));
        assertEquals(expected, fast);
        fast.topicConfigSerializeWrapper().topicConfigTable().forEach((key, config) -> assertSame(key, config.topicName()));
    }

    @Test
    void randomBodiesFromOurEncoderTakeTheFastPathAndAgree() {
        Random random = new Random(20240611L);
        for (int i = 0; i < 300; i++) {
            boolean plainDetail = random.nextInt(10) != 0;
            RegisterBrokerBody body = randomBody(random, plainDetail, false);
            byte[] bytes = codec.encodeJson(body);
            if (plainDetail || body.topicConfigSerializeWrapper() == null) {
                assertEquals(body, takesFastPath(bytes));
            } else {
                assertNull(agrees(bytes)); // a non-empty mapping detail map is fastjson2's to read
                assertEquals(body, codec.decodeJson(bytes));
            }
        }
    }

    @Test
    void randomBodiesFastjsonCannotReadBackDeclineOrAgree() {
        Random random = new Random(99L);
        int declined = 0;
        for (int i = 0; i < 300; i++) {
            byte[] bytes = codec.encodeJson(randomBody(random, true, true));
            declined += agrees(bytes) == null ? 1 : 0;
            codecAgrees(bytes);
        }
        assertTrue(declined > 0, "the mixed texts were meant to reach the declining cases");
    }

    @Test
    void mutatedBodiesDeclineOrAgree() {
        Random random = new Random(7L);
        String alphabet = " \t\n\r{}[]:,\"\\0123456789-.eEnulltrfasx'/\u00e9";
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(new String(codec.encodeJson(smallBody(random, random.nextBoolean())), StandardCharsets.UTF_8));
            for (int m = 1 + random.nextInt(3); m > 0 && text.length() > 0; m--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            codecAgrees(utf8(text.toString()));
        }
    }

    @Test
    void everyTruncationDeclines() {
        byte[] body = RegisterBrokerBodyCodecTest.apacheBody(3).encode(false);
        for (int length = 0; length < body.length; length++) {
            byte[] prefix = Arrays.copyOf(body, length);
            assertNull(RegisterBrokerBodyJsonReader.read(prefix), () -> new String(prefix, StandardCharsets.UTF_8));
            codecAgrees(prefix);
        }
        assertNull(RegisterBrokerBodyJsonReader.read(null));
    }

    private static final String TOPIC = "{\"attributes\":{},\"order\":false,\"perm\":6,\"readQueueNums\":8,"
        + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"T\",\"topicSysFlag\":0,\"writeQueueNums\":8}";

    private static String body(String topic) {
        return "{\"filterServerList\":[\"10.0.0.1:40000\"],\"topicConfigSerializeWrapper\":{\"dataVersion\":"
            + "{\"counter\":17,\"stateVersion\":3,\"timestamp\":1795421958841},\"topicConfigTable\":{\"T\":" + topic + "}}}";
    }

    @Test
    void readsUsualVariantsItself() {
        String[] usual = {
            body(TOPIC),
            " {\n  \"topicConfigSerializeWrapper\" : {\"topicConfigTable\":{\"T\" : { \"writeQueueNums\" : 8 , \"topicName\":\"T\" ,"
                + "\"perm\":6}},\"dataVersion\":{\"timestamp\":1,\"counter\":-2}} ,\"filterServerList\":[ \"a\" , \"b\" ]\r\n}\t",
            body(TOPIC.replace("\"attributes\":{}", "\"attributes\":{\"+message.type\":\"FIFO\",\"b\":\"\\u00e9\\n\"}")),
            body(TOPIC.replace("\"attributes\":{}", "\"attributes\":null")),
            body(TOPIC.replace("\"order\":false", "\"order\":true").replace("SINGLE_TAG", "MULTI_TAG")),
            body(TOPIC.replace("\"topicName\":\"T\"", "\"topicName\":\"Other\"")),
            body(TOPIC.replace("\"perm\":6", "\"perm\":-2147483648").replace("\"topicSysFlag\":0", "\"topicSysFlag\":2147483647")),
            body("{}"),
            "{}",
            "{\"filterServerList\":null,\"topicConfigSerializeWrapper\":null}",
            "{\"topicConfigSerializeWrapper\":{\"dataVersion\":null,\"topicConfigTable\":null,\"topicQueueMappingInfoMap\":null,"
                + "\"mappingDataVersion\":{},\"topicQueueMappingDetailMap\":null}}",
            "{\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":-9223372036854775808,\"timestamp\":9223372036854775807}}}",
            "{\"topicConfigSerializeWrapper\":{\"topicQueueMappingDetailMap\":{ },\"topicQueueMappingInfoMap\":{\"S\":{\"bname\":\"b\","
                + "\"currIdMap\":{0:1,3:4},\"dirty\":true,\"epoch\":9007199254740993,\"scope\":null,\"topic\":\"S\",\"totalQueues\":4}}}}",
            "{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"\\u4e2d\\\"\\\\x\":" + TOPIC.replace("\"T\"", "\"\\u4e2d\\\"\\\\x\"")
                + ",\"中文😀\":" + TOPIC.replace("\"T\"", "\"中文😀\"") + "}}}",
        };
        for (String text : usual) {
            takesFastPath(utf8(text));
            codecAgrees(utf8(text));
        }
    }

    @Test
    void unusualInputsDeclineOrAgree() {
        String[] unusual = {
            body(TOPIC.replace("\"perm\":6", "\"perm\":\"6\"")), body(TOPIC.replace("\"perm\":6", "\"perm\":6.0")),
            body(TOPIC.replace("\"perm\":6", "\"perm\":6e0")), body(TOPIC.replace("\"perm\":6", "\"perm\":06")),
            body(TOPIC.replace("\"perm\":6", "\"perm\":-0")), body(TOPIC.replace("\"perm\":6", "\"perm\":null")),
            body(TOPIC.replace("\"perm\":6", "\"perm\":2147483648")), body(TOPIC.replace("\"perm\":6", "\"perm\":6L")),
            body(TOPIC.replace("\"perm\":6", "\"Perm\":6")), body(TOPIC.replace("\"perm\":6", "\"perm\":6,\"perm\":4")),
            body(TOPIC.replace("topicSysFlag", "topicSynFlag")), body(TOPIC.replace("\"order\":false", "\"order\":0")),
            body(TOPIC.replace("\"order\":false", "\"order\":\"true\"")), body(TOPIC.replace("SINGLE_TAG\"", "KLINGON\"")),
            body(TOPIC.replace("\"SINGLE_TAG\"", "0")), body(TOPIC.replace("\"SINGLE_TAG\"", "null")),
            body(TOPIC.replace("\"topicName\":\"T\"", "\"topicName\":null")),
            body(TOPIC.replace("\"topicName\":\"T\"", "\"topicName\":7")),
            body(TOPIC.replace("\"attributes\":{}", "\"attributes\":{\"a\":1}")),
            body(TOPIC.replace("\"attributes\":{}", "\"attributes\":{\"a\":null}")),
            body(TOPIC.replace("\"attributes\":{}", "\"attributes\":{\"a\":\"1\",\"a\":\"2\"}")),
            body(TOPIC.replace("\"attributes\":{}", "\"attributes\":[]")),
            body(TOPIC.replace("\"attributes\":{}", "\"unknown\":{\"deep\":[1,{\"x\":null}]}")),
            body(TOPIC + ",\"T\":" + TOPIC), body(TOPIC.replace("\"T\"", "\"\\t\ud83d\ude00\"")),
            body(TOPIC.replace("\"T\"", "\"\u00e9\\n\"")),
            "{\"topicConfigSerializeWrapper\":{\"topicQueueMappingInfoMap\":{\"S\":{\"currIdMap\":{-3:4}}}}}", body("null"), body("[]"), body("\"T\""),
            body(TOPIC.replace("\"T\"", "\"\\x41\"")), body(TOPIC.replace("\"T\"", "\"a\u0001\"")),
            body(TOPIC) + "x", body(TOPIC) + "{}", body(TOPIC).replace("}}}", "},}}"), "\ufeff" + body(TOPIC),
            body(TOPIC).replace("\"filterServerList\"", "'filterServerList'"),
            body(TOPIC).replace("\"filterServerList\"", "filterServerList"),
            body(TOPIC).replace("[\"10.0.0.1:40000\"]", "[null]"), body(TOPIC).replace("[\"10.0.0.1:40000\"]", "[1]"),
            body(TOPIC).replace("[\"10.0.0.1:40000\"]", "\"10.0.0.1:40000\""),
            body(TOPIC).replace("\"counter\":17", "\"counter\":9223372036854775808"),
            body(TOPIC).replace("\"counter\":17", "\"counter\":\"17\""),
            body(TOPIC).replace("\"counter\":17", "\"counter\":17/* c */"),
            body(TOPIC).replace("\"counter\":17", "\"counter\":17,\"extra\":1"),
            body(TOPIC).replace("\"dataVersion\"", "\"unknown\":1,\"dataVersion\""),
            body(TOPIC).replace("\"filterServerList\"", "\"brokerName\":\"b\",\"filterServerList\""),
            "{\"topicConfigSerializeWrapper\":{\"topicQueueMappingDetailMap\":{\"S\":{\"bname\":\"b\"}}}}",
            "{\"topicConfigSerializeWrapper\":{\"topicQueueMappingInfoMap\":{\"S\":{\"currIdMap\":{\"0\":1}}}}}",
            "{\"topicConfigSerializeWrapper\":{\"topicQueueMappingInfoMap\":{\"S\":{\"currIdMap\":{0:1,0:2}}}}}",
            "{\"topicConfigSerializeWrapper\":{\"topicQueueMappingInfoMap\":{\"S\":null}}}",
            "{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"T\":null}}}",
            "{\"dataVersion\":{\"counter\":1},\"topicConfigTable\":{}}", "", " ", "null", "[]",
        };
        for (String text : unusual) {
            codecAgrees(utf8(text));
        }
        byte[] invalidUtf8 = utf8(body(TOPIC).replace("\"T\"", "\"T\u00e9\""));
        for (int i = 0; i < invalidUtf8.length; i++) {
            if (invalidUtf8[i] == (byte) 0xC3) {
                invalidUtf8[i + 1] = (byte) 0x41; // a lead byte without its continuation
            }
        }
        assertNull(RegisterBrokerBodyJsonReader.read(invalidUtf8));
        codecAgrees(invalidUtf8);
    }

    // ---- random bodies ----

    /** Text brokers use: ASCII with characters that need escapes, or non-ASCII without them. */
    private static final String[] ESCAPED = {"a", "Z", "0", "9", "_", "-", "%", "|", " ", "/", "\"", "\\", "\n", "\t", "\r",
        "\u0001", "\u001f", "\u007f", "TopicTest", "%RETRY%", "rmq_sys_"};
    private static final String[] UNICODE = {"a", "Z", "0", "_", "-", " ", "\u00e9", "\u4e2d", "\ud83d\ude00", "\u2028", "TopicTest"};

    /**
     * Random text; {@code mixed} also mixes escapes with non-ASCII in one string, which fastjson2
     * 2.x cannot always read back (a key like {@code "\t😀"}), so the fast reader declines it.
     */
    private static String randomText(Random random, int maxPieces, boolean mixed) {
        String[] pieces = random.nextBoolean() ? ESCAPED : UNICODE;
        StringBuilder sb = new StringBuilder();
        for (int n = 1 + random.nextInt(maxPieces); n > 0; n--) {
            if (mixed) {
                pieces = random.nextBoolean() ? ESCAPED : UNICODE;
            }
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    private static int randomInt(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case 2 -> -random.nextInt(10);
            default -> random.nextInt(17);
        };
    }

    private static long randomLong(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            case 2 -> 1_700_000_000_000L + random.nextInt(1_000_000);
            default -> random.nextInt(100);
        };
    }

    private static DataVersion randomVersion(Random random) {
        return random.nextInt(8) == 0 ? null : new DataVersion(randomLong(random), randomLong(random), randomLong(random));
    }

    private static TopicConfig randomTopic(Random random, String name, boolean mixed) {
        Map<String, String> attributes = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> {
                Map<String, String> m = new LinkedHashMap<>();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    m.put(randomText(random, 3, mixed), randomText(random, 3, mixed));
                }
                yield m;
            }
            default -> Map.of();
        };
        TopicFilterType[] types = {TopicFilterType.SINGLE_TAG, TopicFilterType.MULTI_TAG, null};
        String topicName = switch (random.nextInt(20)) {
            case 0 -> null;
            case 1 -> randomText(random, 4, mixed);
            default -> name;
        };
        return new TopicConfig(topicName, randomInt(random), randomInt(random), randomInt(random),
            types[random.nextInt(types.length)], randomInt(random), random.nextBoolean(), attributes);
    }

    private static TopicQueueMappingInfo randomMapping(Random random, String topic, boolean mixed) {
        Map<Integer, Integer> ids = null;
        if (random.nextInt(4) != 0) {
            ids = new HashMap<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                // fastjson2 cannot read back the unquoted negative keys it writes
                ids.put(mixed ? randomInt(random) : random.nextInt(Integer.MAX_VALUE), randomInt(random));
            }
        }
        return new TopicQueueMappingInfo(random.nextInt(5) == 0 ? null : randomText(random, 3, mixed), ids, random.nextBoolean(),
            randomLong(random), random.nextBoolean() ? null : "__global__", topic, randomInt(random));
    }

    private static RegisterBrokerBody randomBody(Random random, boolean plainDetail, boolean mixed) {
        Map<String, TopicConfig> topics = null;
        if (random.nextInt(10) != 0) {
            topics = new LinkedHashMap<>();
            for (int n = random.nextInt(201); n > 0; n--) {
                String name = random.nextBoolean() ? "BenchBigTopic_" + random.nextInt(100_000) : randomText(random, 6, mixed);
                topics.put(name, randomTopic(random, name, mixed));
            }
        }
        Map<String, TopicQueueMappingInfo> mappings = null;
        if (random.nextBoolean()) {
            mappings = new HashMap<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                String topic = randomText(random, 3, mixed);
                mappings.put(topic, randomMapping(random, topic, mixed));
            }
        }
        RawJson detail = plainDetail ? (random.nextBoolean() ? null : new RawJson("{}"))
            : new RawJson("{\"S\":{\"bname\":\"b\",\"currIdMap\":{0:1}}}");
        TopicConfigSerializeWrapper wrapper = random.nextInt(20) == 0 ? null
            : new TopicConfigSerializeWrapper(randomVersion(random), topics, randomVersion(random), mappings, detail);
        List<String> servers = null;
        if (random.nextBoolean()) {
            servers = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                servers.add(randomText(random, 3, mixed));
            }
        }
        return new RegisterBrokerBody(wrapper, servers);
    }

    private static RegisterBrokerBody smallBody(Random random, boolean mixed) {
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            String name = randomText(random, 2, mixed);
            topics.put(name, randomTopic(random, name, mixed));
        }
        Map<String, TopicQueueMappingInfo> mappings = random.nextBoolean() ? null : Map.of("S", randomMapping(random, "S", mixed));
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(randomVersion(random), topics, randomVersion(random),
            mappings == null ? null : new HashMap<>(mappings), random.nextBoolean() ? new RawJson("{}") : null),
            random.nextBoolean() ? null : new ArrayList<>(List.of(randomText(random, 2, mixed))));
    }
}
