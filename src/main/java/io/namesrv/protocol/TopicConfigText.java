package io.namesrv.protocol;

import com.alibaba.fastjson2.TypeReference;

import java.lang.reflect.Type;
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
