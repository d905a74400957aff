package io.namesrv.protocol;

import com.alibaba.fastjson2.TypeReference;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Apache's one-line text form of a {@link TopicConfig}, used inside compressed registration
 * bodies: {@code name read write perm filterType [attributesJson]}, separated by single spaces.
 * {@code topicSysFlag} and {@code order} are not carried (they decode as 0 and false). 4.9.x
 * writes five tokens, 5.x six; extra tokens are ignored. Null attributes are written as an empty
 * last token, which decodes back as an empty map, as in Apache.
 */
public final class TopicConfigText {

    private static final String SEPARATOR = " ";
    private static final Type ATTRIBUTES = new TypeReference<Map<String, String>>() { }.getType();

    private final JsonBodies json;

    public TopicConfigText(JsonBodies json) {
        this.json = json;
    }

    public String encode(TopicConfig config) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(config.topicName()).append(SEPARATOR)
                .append(config.readQueueNums()).append(SEPARATOR)
                .append(config.writeQueueNums()).append(SEPARATOR)
                .append(config.perm()).append(SEPARATOR)
                .append(config.topicFilterType()).append(SEPARATOR);
        if (config.attributes() != null) {
            sb.append(json.encodeToString(config.attributes()));
        }
        return sb.toString();
    }

    /**
     * Decodes the UTF-8 line in {@code bytes[offset, offset + length)}. The usual line (ASCII,
     * unsigned numbers, a known filter type, no or empty attributes) is read straight from the
     * bytes: a 10,000-topic compressed registration made a String and five more per topic.
     * Anything else takes {@link #decode(String)}, so the rules stay in one place.
     */
    public TopicConfig decode(byte[] bytes, int offset, int length) {
        TopicConfig fast = decodeUsual(bytes, offset, offset + length);
        return fast != null ? fast : decode(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    /** {@code name read write perm filterType [{}]}, single spaces, plain ASCII; otherwise null. */
    static TopicConfig decodeUsual(byte[] b, int from, int to) {
        int nameEnd = indexOfSpace(b, from, to);
        if (nameEnd <= from) {
            return null; // no space, or an empty name token
        }
        for (int i = from; i < nameEnd; i++) {
            if (b[i] < 0) {
                return null; // non-ASCII: the String path decodes it
            }
        }
        int[] numbers = new int[3];
        int at = nameEnd + 1;
        for (int n = 0; n < 3; n++) {
            int end = indexOfSpace(b, at, to);
            if (end < 0 || end == at || end - at > 9) {
                return null;
            }
            int v = 0;
            for (int i = at; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return null; // signs and anything else: the String path
                }
                v = v * 10 + d;
            }
            numbers[n] = v;
            at = end + 1;
        }
        int typeEnd = indexOfSpace(b, at, to);
        TopicFilterType type = filterType(b, at, typeEnd < 0 ? to : typeEnd);
        if (type == null) {
            return null;
        }
        // After the type: nothing, one space (null attributes), or one space and "{}".
        int rest = typeEnd < 0 ? 0 : to - typeEnd - 1;
        boolean usualTail = typeEnd < 0 || rest == 0
            || (rest == 2 && b[typeEnd + 1] == '{' && b[typeEnd + 2] == '}');
        if (!usualTail) {
            return null;
        }
        String name = new String(b, from, nameEnd - from, StandardCharsets.ISO_8859_1);
        return new TopicConfig(name, numbers[0], numbers[1], numbers[2], type, 0, false, new HashMap<>());
    }

    private static int indexOfSpace(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static final byte[] SINGLE_TAG = "SINGLE_TAG".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MULTI_TAG = "MULTI_TAG".getBytes(StandardCharsets.US_ASCII);

    private static TopicFilterType filterType(byte[] b, int from, int to) {
        if (Arrays.equals(b, from, to, SINGLE_TAG, 0, SINGLE_TAG.length)) {
            return TopicFilterType.SINGLE_TAG;
        }
        if (Arrays.equals(b, from, to, MULTI_TAG, 0, MULTI_TAG.length)) {
            return TopicFilterType.MULTI_TAG;
        }
        return null;
    }

    public TopicConfig decode(String text) {
        // String.split on one plain character takes the fast path (no regex) and, like Apache,
        // drops trailing empty tokens.
        String[] tokens = text.split(SEPARATOR);
        if (tokens.length < 5) {
            throw new MalformedBodyException("topic config needs at least 5 tokens: " + text);
        }
        try {
            return new TopicConfig(
                    tokens[0],
                    Integer.parseInt(tokens[1]),
                    Integer.parseInt(tokens[2]),
                    Integer.parseInt(tokens[3]),
                    TopicFilterType.valueOf(tokens[4]),
                    0,
                    false,
                    tokens.length > 5 ? attributes(tokens[5]) : new HashMap<>());
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("bad topic config: " + text, e);
        }
    }

    private Map<String, String> attributes(String token) {
        if ("{}".equals(token)) {
            return new HashMap<>(); // the common case; skip the parser
        }
        if ("null".equals(token)) {
            return null;
        }
        return json.decode(token, ATTRIBUTES);
    }
}
