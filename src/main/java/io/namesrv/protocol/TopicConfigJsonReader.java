package io.namesrv.protocol;

import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.reader.ObjectReader;
import com.alibaba.fastjson2.util.Fnv;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one {@link TopicConfig} straight from the token stream. fastjson2's generic path for a
 * record gathers every object's fields into a map and then calls the constructor reflectively;
 * a 10,000-topic registration body spent most of its decode time there. Field names match as
 * loosely as the rest of our decoding (case, underscores and dashes ignored, as SmartMatch does),
 * the pre-4.9 key {@code topicSynFlag} is accepted, numbers may come quoted, unknown fields are
 * skipped, absent fields take the Java defaults.
 */
public final class TopicConfigJsonReader implements ObjectReader<TopicConfig> {

    private static final long TOPIC_NAME = Fnv.hashCode64LCase("topicName");
    private static final long READ_QUEUE_NUMS = Fnv.hashCode64LCase("readQueueNums");
    private static final long WRITE_QUEUE_NUMS = Fnv.hashCode64LCase("writeQueueNums");
    private static final long PERM = Fnv.hashCode64LCase("perm");
    private static final long TOPIC_FILTER_TYPE = Fnv.hashCode64LCase("topicFilterType");
    private static final long TOPIC_SYS_FLAG = Fnv.hashCode64LCase("topicSysFlag");
    private static final long TOPIC_SYN_FLAG = Fnv.hashCode64LCase("topicSynFlag");
    private static final long ORDER = Fnv.hashCode64LCase("order");
    private static final long ATTRIBUTES = Fnv.hashCode64LCase("attributes");
    private static final TopicFilterType[] FILTER_TYPES = TopicFilterType.values();
    private static final String[] NAMES = {"topicName", "readQueueNums", "writeQueueNums", "perm", "topicFilterType",
        "topicSysFlag", "topicSynFlag", "order", "attributes"};
    private static final long[] EXACT = new long[NAMES.length];
    private static final long[] LOWER = new long[NAMES.length];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            EXACT[i] = Fnv.hashCode64(NAMES[i]);
            LOWER[i] = Fnv.hashCode64LCase(NAMES[i]);
        }
    }

    @Override
    public TopicConfig readObject(JSONReader r, Type fieldType, Object fieldName, long features) {
        if (r.nextIfNull()) {
            return null;
        }
        if (!r.nextIfObjectStart()) {
            throw new JSONException(r.info("a TopicConfig must be an object"));
        }
        String topicName = null;
        int readQueueNums = 0;
        int writeQueueNums = 0;
        int perm = 0;
        TopicFilterType filterType = null;
        int topicSysFlag = 0;
        boolean order = false;
        Map<String, String> attributes = null;
        while (!r.nextIfObjectEnd()) {
            long name = canonical(r.readFieldNameHashCode(), r);
            if (name == TOPIC_NAME) {
                topicName = r.readString();
            } else if (name == READ_QUEUE_NUMS) {
                readQueueNums = r.readInt32Value();
            } else if (name == WRITE_QUEUE_NUMS) {
                writeQueueNums = r.readInt32Value();
            } else if (name == PERM) {
                perm = r.readInt32Value();
            } else if (name == TOPIC_SYS_FLAG || name == TOPIC_SYN_FLAG) {
                topicSysFlag = r.readInt32Value();
            } else if (name == ORDER) {
                order = r.readBoolValue();
            } else if (name == TOPIC_FILTER_TYPE) {
                filterType = readFilterType(r);
            } else if (name == ATTRIBUTES) {
                attributes = readAttributes(r);
            } else {
                r.skipValue();
            }
        }
        r.nextIfComma();
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, filterType, topicSysFlag, order, attributes);
    }

    /**
     * The field's name as the lower-case hash of its canonical spelling. Exact spellings (all of
     * Apache's) are recognised from the plain hash; only others pay for the case-folded one.
     */
    private static long canonical(long exactHash, JSONReader r) {
        for (int i = 0; i < EXACT.length; i++) {
            if (EXACT[i] == exactHash) {
                return LOWER[i];
            }
        }
        return r.getNameHashCodeLCase();
    }

    /** By name, or by ordinal as fastjson accepts it; anything else reads as null. */
    private static TopicFilterType readFilterType(JSONReader r) {
        if (r.isNumber()) {
            int ordinal = r.readInt32Value();
            return ordinal >= 0 && ordinal < FILTER_TYPES.length ? FILTER_TYPES[ordinal] : null;
        }
        String text = r.readString();
        if (text == null) {
            return null;
        }
        for (TopicFilterType t : FILTER_TYPES) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        return null;
    }

    private static Map<String, String> readAttributes(JSONReader r) {
        if (r.nextIfNull()) {
            return null;
        }
        if (!r.nextIfObjectStart()) {
            throw new JSONException(r.info("attributes must be an object"));
        }
        if (r.nextIfObjectEnd()) {
            r.nextIfComma();
            return Map.of(); // the usual case: no allocation per topic
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        do {
            String key = r.readFieldName();
            attributes.put(key, r.readString());
        } while (!r.nextIfObjectEnd());
        r.nextIfComma();
        return attributes;
    }
}
