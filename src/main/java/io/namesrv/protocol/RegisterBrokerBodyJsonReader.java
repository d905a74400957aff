package io.namesrv.protocol;

import static io.namesrv.remoting.protocol.JsonByteCursor.ascii;

import io.namesrv.remoting.protocol.JsonByteCursor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain-JSON REGISTER_BROKER body in the shape brokers write it (fastjson's: fields by
 * name, exact spellings, no nulls inside the topic table) straight from the UTF-8 bytes. A
 * 10,000-topic body is about 1.8 MB; fastjson2's generic path spent most of the registration's
 * time on it. Field names are compared as bytes, each topic name becomes one String used both as
 * the table key and as the TopicConfig's name, and an empty attribute map is {@code Map.of()}.
 *
 * <p>Anything off that shape (unknown or repeated field names, quoted or fractional numbers,
 * unusual escapes, invalid UTF-8, nested values it does not expect, a non-empty
 * {@code topicQueueMappingDetailMap}, trailing content, truncation) makes it decline with null,
 * so that {@link RegisterBrokerBodyCodec} falls back to the lenient fastjson2 path: every
 * leniency decision stays with that one path, this reader only ever agrees or declines. What it
 * builds is equal to what fastjson2 builds, with the same map classes (HashMap) filled in document
 * order, so even iteration orders agree.
 */
final class RegisterBrokerBodyJsonReader {

    private static final byte[] FILTER_SERVER_LIST = ascii("filterServerList");
    private static final byte[] TOPIC_CONFIG_SERIALIZE_WRAPPER = ascii("topicConfigSerializeWrapper");

    private static final byte[] DATA_VERSION = ascii("dataVersion");
    private static final byte[] TOPIC_CONFIG_TABLE = ascii("topicConfigTable");
    private static final byte[] MAPPING_DATA_VERSION = ascii("mappingDataVersion");
    private static final byte[] TOPIC_QUEUE_MAPPING_INFO_MAP = ascii("topicQueueMappingInfoMap");
    private static final byte[] TOPIC_QUEUE_MAPPING_DETAIL_MAP = ascii("topicQueueMappingDetailMap");

    private static final byte[] COUNTER = ascii("counter");
    private static final byte[] STATE_VERSION = ascii("stateVersion");
    private static final byte[] TIMESTAMP = ascii("timestamp");

    // TopicConfig's field names all differ in length, so the length picks the candidate.
    private static final byte[] ATTRIBUTES = ascii("attributes");
    private static final byte[] ORDER = ascii("order");
    private static final byte[] PERM = ascii("perm");
    private static final byte[] READ_QUEUE_NUMS = ascii("readQueueNums");
    private static final byte[] TOPIC_FILTER_TYPE = ascii("topicFilterType");
    private static final byte[] TOPIC_NAME = ascii("topicName");
    private static final byte[] TOPIC_SYS_FLAG = ascii("topicSysFlag");
    private static final byte[] WRITE_QUEUE_NUMS = ascii("writeQueueNums");

    private static final byte[] BNAME = ascii("bname");
    private static final byte[] CURR_ID_MAP = ascii("currIdMap");
    private static final byte[] DIRTY = ascii("dirty");
    private static final byte[] EPOCH = ascii("epoch");
    private static final byte[] SCOPE = ascii("scope");
    private static final byte[] TOPIC = ascii("topic");
    private static final byte[] TOTAL_QUEUES = ascii("totalQueues");

    // The members of each object, in the order of the cases that read them.
    private static final byte[][] BODY_FIELDS = {TOPIC_CONFIG_SERIALIZE_WRAPPER, FILTER_SERVER_LIST};
    private static final byte[][] WRAPPER_FIELDS = {TOPIC_CONFIG_TABLE, DATA_VERSION, MAPPING_DATA_VERSION,
        TOPIC_QUEUE_MAPPING_INFO_MAP, TOPIC_QUEUE_MAPPING_DETAIL_MAP};
    private static final byte[][] DATA_VERSION_FIELDS = {COUNTER, STATE_VERSION, TIMESTAMP};
    private static final byte[][] MAPPING_INFO_FIELDS = {BNAME, CURR_ID_MAP, DIRTY, EPOCH, SCOPE, TOPIC, TOTAL_QUEUES};

    // A topic without attributes exactly as fastjson writes it, between its values.
    private static final byte[] COMPACT_START = ascii("{\"attributes\":{},\"order\":");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] COMPACT_PERM = ascii(",\"perm\":");
    private static final byte[] COMPACT_READ_QUEUE_NUMS = ascii(",\"readQueueNums\":");
    private static final byte[] COMPACT_SINGLE_TAG = ascii(",\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"");
    private static final byte[] COMPACT_MULTI_TAG = ascii(",\"topicFilterType\":\"MULTI_TAG\",\"topicName\":\"");
    private static final byte[] COMPACT_SYS_FLAG = ascii("\",\"topicSysFlag\":");
    private static final byte[] COMPACT_WRITE_QUEUE_NUMS = ascii(",\"writeQueueNums\":");

    private static final byte[] SINGLE_TAG = ascii("SINGLE_TAG");
    private static final byte[] MULTI_TAG = ascii("MULTI_TAG");

    /** Non-ASCII strings holding malformed UTF-8 decline: fastjson2 decides those. */
    private final JsonByteCursor cursor;
    /** The cursor's bytes, read directly where this reader matches whole pieces of the body. */
    private final byte[] in;

    private RegisterBrokerBodyJsonReader(byte[] in) {
        this.cursor = new JsonByteCursor(in, true);
        this.in = in;
    }

    /** The body, or null when it is not in the common shape (the caller then decodes it leniently). */
    static RegisterBrokerBody read(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            return new RegisterBrokerBodyJsonReader(body).body();
        } catch (JsonByteCursor.Decline | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private RegisterBrokerBody body() {
        TopicConfigSerializeWrapper wrapper = null;
        List<String> filterServerList = null;
        int seen = 0;
        cursor.skipWhitespace();
        if (cursor.startObject()) {
            do {
                int field = cursor.knownMember(BODY_FIELDS);
                seen = once(seen, 1 << field);
                if (field == 0) {
                    wrapper = wrapper();
                } else {
                    filterServerList = cursor.stringList();
                }
            } while (cursor.nextMember());
        }
        cursor.skipWhitespace();
        if (!cursor.atEnd()) {
            throw JsonByteCursor.decline();
        }
        return new RegisterBrokerBody(wrapper, filterServerList);
    }

    private TopicConfigSerializeWrapper wrapper() {
        if (cursor.nullLiteral()) {
            return null;
        }
        DataVersion dataVersion = null;
        Map<String, TopicConfig> topics = null;
        DataVersion mappingDataVersion = null;
        Map<String, TopicQueueMappingInfo> mappings = null;
        RawJson mappingDetail = null;
        int seen = 0;
        if (cursor.startObject()) {
            do {
                int field = cursor.knownMember(WRAPPER_FIELDS);
                seen = once(seen, 1 << field);
                switch (field) {
                    case 0 -> topics = topicTable();
                    case 1 -> dataVersion = dataVersion();
                    case 2 -> mappingDataVersion = dataVersion();
                    case 3 -> mappings = mappingInfoMap();
                    default -> mappingDetail = emptyDetailMap();
                }
            } while (cursor.nextMember());
        }
        return new TopicConfigSerializeWrapper(dataVersion, topics, mappingDataVersion, mappings, mappingDetail);
    }

    private DataVersion dataVersion() {
        if (cursor.nullLiteral()) {
            return null;
        }
        long stateVersion = 0;
        long timestamp = 0;
        long counter = 0;
        int seen = 0;
        if (cursor.startObject()) {
            do {
                int field = cursor.knownMember(DATA_VERSION_FIELDS);
                seen = once(seen, 1 << field);
                switch (field) {
                    case 0 -> counter = cursor.longValue();
                    case 1 -> stateVersion = cursor.longValue();
                    default -> timestamp = cursor.longValue();
                }
            } while (cursor.nextMember());
        }
        return new DataVersion(stateVersion, timestamp, counter);
    }

    private Map<String, TopicConfig> topicTable() {
        if (cursor.nullLiteral()) {
            return null;
        }
        Map<String, TopicConfig> topics = new HashMap<>();
        if (cursor.startObject()) {
            do {
                cursor.skipWhitespace();
                String key = cursor.string();
                int keyStart = cursor.rawStart();
                int keyEnd = cursor.rawEnd();
                cursor.colon();
                if (topics.put(key, topicConfig(key, keyStart, keyEnd)) != null) {
                    throw JsonByteCursor.decline(); // a repeated topic: which copy wins is fastjson2's call
                }
            } while (cursor.nextMember());
        }
        return topics;
    }

    /** One TopicConfig; its name reuses {@code key} when it is spelled the same, as it always is. */
    private TopicConfig topicConfig(String key, int keyStart, int keyEnd) {
        int objectStart = cursor.pos();
        TopicConfig compact = compactTopicConfig(key, keyStart, keyEnd);
        if (compact != null) {
            return compact;
        }
        cursor.pos(objectStart);
        return anyTopicConfig(key, keyStart, keyEnd);
    }

    /**
     * The exact bytes fastjson writes for a topic without attributes, matched piece by piece with
     * vectorised compares instead of token by token: this is nearly all of a big body. Null (pos
     * anywhere) when the object differs in any way; {@link #anyTopicConfig} then reads it.
     */
    private TopicConfig compactTopicConfig(String key, int keyStart, int keyEnd) {
        if (!cursor.skip(COMPACT_START)) {
            return null;
        }
        boolean order;
        if (cursor.skip(FALSE)) {
            order = false;
        } else if (cursor.skip(TRUE)) {
            order = true;
        } else {
            return null;
        }
        int perm;
        int readQueueNums;
        int topicSysFlag;
        int writeQueueNums;
        TopicFilterType filterType;
        if (!cursor.skip(COMPACT_PERM) || (perm = compactInt()) < 0 || !cursor.skip(COMPACT_READ_QUEUE_NUMS)
            || (readQueueNums = compactInt()) < 0) {
            return null;
        }
        if (cursor.skip(COMPACT_SINGLE_TAG)) {
            filterType = TopicFilterType.SINGLE_TAG;
        } else if (cursor.skip(COMPACT_MULTI_TAG)) {
            filterType = TopicFilterType.MULTI_TAG;
        } else {
            return null;
        }
        int nameStart = cursor.pos();
        int nameEnd = nameStart + (keyEnd - keyStart);
        if (nameEnd > in.length || !Arrays.equals(in, nameStart, nameEnd, in, keyStart, keyEnd)) {
            return null;
        }
        cursor.pos(nameEnd);
        if (!cursor.skip(COMPACT_SYS_FLAG) || (topicSysFlag = compactInt()) < 0 || !cursor.skip(COMPACT_WRITE_QUEUE_NUMS)
            || (writeQueueNums = compactInt()) < 0 || cursor.next() != '}') {
            return null;
        }
        return new TopicConfig(key, readQueueNums, writeQueueNums, perm, filterType, topicSysFlag, order, Map.of());
    }

    /** A non-negative int of at most 9 digits without a leading zero, else -1; what follows is the caller's to check. */
    private int compactInt() {
        int start = cursor.pos();
        int pos = start;
        int value = 0;
        while (true) {
            int digit = in[pos] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            pos++;
        }
        cursor.pos(pos);
        int digits = pos - start;
        return digits == 0 || digits > 9 || (digits > 1 && in[start] == '0') ? -1 : value;
    }

    private TopicConfig anyTopicConfig(String key, int keyStart, int keyEnd) {
        String topicName = null;
        int readQueueNums = 0;
        int writeQueueNums = 0;
        int perm = 0;
        TopicFilterType filterType = null;
        int topicSysFlag = 0;
        boolean order = false;
        Map<String, String> attributes = null;
        int fields = 0;
        if (!cursor.startObject()) {
            return new TopicConfig(null, 0, 0, 0, null, 0, false, null);
        }
        do {
            int nameStart = cursor.fieldName();
            int nameLength = cursor.pos() - nameStart - 1;
            cursor.colon();
            switch (nameLength) {
                case 10 -> {
                    fields = field(fields, 1, ATTRIBUTES, nameStart);
                    attributes = attributes();
                }
                case 5 -> {
                    fields = field(fields, 2, ORDER, nameStart);
                    order = cursor.booleanValue();
                }
                case 4 -> {
                    fields = field(fields, 4, PERM, nameStart);
                    perm = cursor.intValue();
                }
                case 13 -> {
                    fields = field(fields, 8, READ_QUEUE_NUMS, nameStart);
                    readQueueNums = cursor.intValue();
                }
                case 15 -> {
                    fields = field(fields, 16, TOPIC_FILTER_TYPE, nameStart);
                    filterType = filterType();
                }
                case 9 -> {
                    fields = field(fields, 32, TOPIC_NAME, nameStart);
                    topicName = topicName(key, keyStart, keyEnd);
                }
                case 12 -> {
                    fields = field(fields, 64, TOPIC_SYS_FLAG, nameStart);
                    topicSysFlag = cursor.intValue();
                }
                case 14 -> {
                    fields = field(fields, 128, WRITE_QUEUE_NUMS, nameStart);
                    writeQueueNums = cursor.intValue();
                }
                default -> throw JsonByteCursor.decline();
            }
        } while (cursor.nextMember());
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, filterType, topicSysFlag, order, attributes);
    }

    private String topicName(String key, int keyStart, int keyEnd) {
        if (cursor.peek() != '"') {
            throw JsonByteCursor.decline(); // null and numbers are left to fastjson2
        }
        int start = cursor.pos() + 1;
        int length = keyEnd - keyStart;
        // The same raw bytes decode to the same text: no need to decode them again.
        if (start + length < in.length && in[start + length] == '"'
            && Arrays.equals(in, start, start + length, in, keyStart, keyEnd)) {
            cursor.pos(start + length + 1);
            return key;
        }
        return cursor.string();
    }

    private TopicFilterType filterType() {
        if (cursor.peek() == '"') {
            int start = cursor.pos() + 1;
            if (matchesQuoted(SINGLE_TAG, start)) {
                cursor.pos(start + SINGLE_TAG.length + 1);
                return TopicFilterType.SINGLE_TAG;
            }
            if (matchesQuoted(MULTI_TAG, start)) {
                cursor.pos(start + MULTI_TAG.length + 1);
                return TopicFilterType.MULTI_TAG;
            }
        }
        throw JsonByteCursor.decline(); // other names, ordinals and null are left to fastjson2
    }

    private boolean matchesQuoted(byte[] word, int start) {
        int end = start + word.length;
        return end < in.length && in[end] == '"' && Arrays.equals(in, start, end, word, 0, word.length);
    }

    private Map<String, String> attributes() {
        if (cursor.nullLiteral()) {
            return null;
        }
        if (!cursor.startObject()) {
            return Map.of(); // the usual case: no allocation per topic
        }
        Map<String, String> attributes = new HashMap<>(); // as fastjson2 and the compressed form build it
        do {
            cursor.skipWhitespace();
            String key = cursor.string();
            cursor.colon();
            if (cursor.peek() != '"' || attributes.put(key, cursor.string()) != null) {
                throw JsonByteCursor.decline(); // non-string values and repeated keys are left to fastjson2
            }
        } while (cursor.nextMember());
        return attributes;
    }

    private Map<String, TopicQueueMappingInfo> mappingInfoMap() {
        if (cursor.nullLiteral()) {
            return null;
        }
        Map<String, TopicQueueMappingInfo> mappings = new HashMap<>();
        if (cursor.startObject()) {
            do {
                cursor.skipWhitespace();
                String key = cursor.string();
                cursor.colon();
                if (mappings.put(key, mappingInfo()) != null) {
                    throw JsonByteCursor.decline();
                }
            } while (cursor.nextMember());
        }
        return mappings;
    }

    private TopicQueueMappingInfo mappingInfo() {
        String bname = null;
        Map<Integer, Integer> currIdMap = null;
        boolean dirty = false;
        long epoch = 0;
        String scope = null;
        String topic = null;
        int totalQueues = 0;
        int seen = 0;
        if (cursor.startObject()) {
            do {
                int field = cursor.knownMember(MAPPING_INFO_FIELDS);
                seen = once(seen, 1 << field);
                switch (field) {
                    case 0 -> bname = cursor.nullableString();
                    case 1 -> currIdMap = idMap();
                    case 2 -> dirty = cursor.booleanValue();
                    case 3 -> epoch = cursor.longValue();
                    case 4 -> scope = cursor.nullableString();
                    case 5 -> topic = cursor.nullableString();
                    default -> totalQueues = cursor.intValue();
                }
            } while (cursor.nextMember());
        }
        return new TopicQueueMappingInfo(bname, currIdMap, dirty, epoch, scope, topic, totalQueues);
    }

    /** A map of unquoted integer keys to integers, as fastjson writes {@code Map<Integer,Integer>}. */
    private Map<Integer, Integer> idMap() {
        if (cursor.nullLiteral()) {
            return null;
        }
        Map<Integer, Integer> ids = new HashMap<>();
        if (cursor.startObject()) {
            do {
                cursor.skipWhitespace();
                if (cursor.peek() == '-') {
                    throw JsonByteCursor.decline(); // fastjson2 rejects an unquoted negative key
                }
                Integer key = cursor.intValue();
                cursor.colon();
                if (ids.put(key, cursor.intValue()) != null) {
                    throw JsonByteCursor.decline();
                }
            } while (cursor.nextMember());
        }
        return ids;
    }

    /** Only the empty map, which is what brokers without static topics send; anything else declines. */
    private RawJson emptyDetailMap() {
        if (cursor.nullLiteral()) {
            return null;
        }
        if (cursor.startObject()) {
            throw JsonByteCursor.decline();
        }
        return new RawJson("{}");
    }

    private static int once(int fields, int bit) {
        return JsonByteCursor.once(fields, bit);
    }

    private int field(int fields, int bit, byte[] name, int nameStart) {
        if (!Arrays.equals(in, nameStart, nameStart + name.length, name, 0, name.length)) {
            throw JsonByteCursor.decline();
        }
        return once(fields, bit);
    }
}
