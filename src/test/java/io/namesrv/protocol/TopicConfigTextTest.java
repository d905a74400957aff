package io.namesrv.protocol;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The space-separated topic line of compressed bodies, against Apache's TopicConfig.encode/decode. */
class TopicConfigTextTest {

    private final TopicConfigText text = new TopicConfigText(new JsonBodies());

    private static TopicConfig config(Map<String, String> attributes) {
        return new TopicConfig("TopicTest", 4, 8, 6, TopicFilterType.MULTI_TAG, 1, true, attributes);
    }

    @Test
    void encodesLikeApache() {
        Map<String, String> attrs = new HashMap<>();
        attrs.put("+message.type", "NORMAL");
        attrs.put("+queue.type", "SimpleCQ");
        for (Map<String, String> a : new java.util.ArrayList<Map<String, String>>(java.util.Arrays.asList(attrs, new HashMap<>(), null))) {
            TopicConfig ours = config(a);
            assertEquals(ApacheMirror.apache(ours).encode(), text.encode(ours));
        }
        assertEquals("TopicTest 4 8 6 MULTI_TAG {}", text.encode(config(new HashMap<>())));
        assertEquals("TopicTest 4 8 6 MULTI_TAG ", text.encode(config(null)));
    }

    @Test
    void decodesWhatApacheWritesLosingSysFlagAndOrderLikeApache() {
        Map<String, String> attrs = new HashMap<>(Map.of("+message.type", "FIFO"));
        for (Map<String, String> a : new java.util.ArrayList<Map<String, String>>(java.util.Arrays.asList(attrs, new HashMap<>(), null))) {
            String line = ApacheMirror.apache(config(a)).encode();
            var apache = new org.apache.rocketmq.common.TopicConfig();
            assertTrue(apache.decode(line));
            assertEquals(ApacheMirror.ours(apache), text.decode(line));
            assertEquals(0, text.decode(line).topicSysFlag());
        }
    }

    @Test
    void apacheDecodesWhatWeWrite() {
        TopicConfig ours = config(new HashMap<>(Map.of("+k", "v")));
        var apache = new org.apache.rocketmq.common.TopicConfig();
        assertTrue(apache.decode(text.encode(ours)));
        assertEquals(new TopicConfig("TopicTest", 4, 8, 6, TopicFilterType.MULTI_TAG, 0, false, Map.of("+k", "v")),
                ApacheMirror.ours(apache));
    }

    @Test
    void fiveTokensFrom497AndExtraTokensAreAccepted() {
        TopicConfig five = text.decode("TopicTest 4 8 6 SINGLE_TAG");
        assertEquals(new TopicConfig("TopicTest", 4, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()), five);
        TopicConfig seven = text.decode("TopicTest 4 8 6 SINGLE_TAG {\"+a\":\"b\"} extra");
        assertEquals(Map.of("+a", "b"), seven.attributes());
        assertNull(text.decode("TopicTest 4 8 6 SINGLE_TAG null").attributes());
    }

    @Test
    void badLinesAreMalformed() {
        assertThrows(MalformedBodyException.class, () -> text.decode("TopicTest 4 8 6"));
        assertThrows(MalformedBodyException.class, () -> text.decode("TopicTest x 8 6 SINGLE_TAG {}"));
        assertThrows(MalformedBodyException.class, () -> text.decode("TopicTest 4 8 6 NO_SUCH {}"));
        assertThrows(MalformedBodyException.class, () -> text.decode("TopicTest 4 8 6 SINGLE_TAG {\"a\":"));
    }

    /**
     * The byte path reads the usual lines itself and hands the rest to the String path: for any
     * line, both must give the same topic or the same refusal. The usual shapes must not all be
     * handed over, or this would prove nothing.
     */
    @Test
    void bytePathAgreesWithTheStringPath() {
        String[] names = {"TopicTest", "BenchBigTopic_17", "%RETRY%group", "t\u00e9", "a b", "", "\u4e2d\u6587"};
        String[] numbers = {"8", "0", "16", "007", "+8", "-1", "", "2147483647", "2147483648", "x"};
        String[] types = {"SINGLE_TAG", "MULTI_TAG", "SINGLE", "single_tag", ""};
        String[] tails = {"", " ", " {}", " {\"+message.type\":\"FIFO\"}", " null", "  {}", " {} extra"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        int fastShapes = 0;
        for (int i = 0; i < 5_000; i++) {
            String line = names[random.nextInt(names.length)] + " " + numbers[random.nextInt(numbers.length)] + " "
                + numbers[random.nextInt(numbers.length)] + " " + numbers[random.nextInt(numbers.length)] + " "
                + types[random.nextInt(types.length)] + tails[random.nextInt(tails.length)];
            byte[] bytes = ("##" + line + "##").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Object viaString;
            try {
                viaString = text.decode(line);
            } catch (MalformedBodyException e) {
                viaString = "refused";
            }
            Object viaBytes;
            try {
                viaBytes = text.decode(bytes, 2, bytes.length - 4);
            } catch (MalformedBodyException e) {
                viaBytes = "refused";
            }
            assertEquals(viaString, viaBytes, line);
            if (TopicConfigText.decodeUsual(bytes, 2, bytes.length - 2) != null) {
                fastShapes++;
            }
        }
        assertTrue(fastShapes > 20, "lines read by the byte path: " + fastShapes);
    }
}
