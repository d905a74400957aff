package io.namesrv.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * builds is equal to what fastjson2 builds, with the same map classes (HashMap, LinkedHashMap for
 * non-empty attributes) filled in document order.
 */
final class RegisterBrokerBodyJsonReader {

    /** Thrown to give up on the fast path; carries no stack, it is control flow. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

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

    private final byte[] in;
    private int pos;
    /** Bounds of the last string's raw bytes between its quotes, to compare without decoding. */
    private int rawStart;
    private int rawEnd;
    /** Known fields of the object being read, one bit each: a repeated one declines. */
    private int seen;

    private RegisterBrokerBodyJsonReader(byte[] in) {
        this.in = in;
    }

    /** The body, or null when it is not in the common shape (the caller then decodes it leniently). */
    static RegisterBrokerBody read(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            return new RegisterBrokerBodyJsonReader(body).body();
        } catch (Decline | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private RegisterBrokerBody body() {
        TopicConfigSerializeWrapper wrapper = null;
        List<String> filterServerList = null;
        int fields = 0;
        skipWhitespace();
        if (startObject()) {
            do {
                int nameStart = fieldName();
                int nameLength = pos - nameStart - 1;
                colon();
                if (is(TOPIC_CONFIG_SERIALIZE_WRAPPER, nameStart, nameLength)) {
                    fields = once(fields, 1);
                    wrapper = wrapper();
                } else if (is(FILTER_SERVER_LIST, nameStart, nameLength)) {
                    fields = once(fields, 2);
                    filterServerList = stringList();
                } else {
                    throw DECLINE;
                }
            } while (nextMember());
        }
        skipWhitespace();
        if (pos != in.length) {
            throw DECLINE;
        }
        return new RegisterBrokerBody(wrapper, filterServerList);
    }

    private TopicConfigSerializeWrapper wrapper() {
        if (nullLiteral()) {
            return null;
        }
        DataVersion dataVersion = null;
        Map<String, TopicConfig> topics = null;
        DataVersion mappingDataVersion = null;
        Map<String, TopicQueueMappingInfo> mappings = null;
        RawJson mappingDetail = null;
        int fields = 0;
        if (startObject()) {
            do {
                int nameStart = fieldName();
                int nameLength = pos - nameStart - 1;
                colon();
                if (is(TOPIC_CONFIG_TABLE, nameStart, nameLength)) {
                    fields = once(fields, 1);
                    topics = topicTable();
                } else if (is(DATA_VERSION, nameStart, nameLength)) {
                    fields = once(fields, 2);
                    dataVersion = dataVersion();
                } else if (is(MAPPING_DATA_VERSION, nameStart, nameLength)) {
                    fields = once(fields, 4);
                    mappingDataVersion = dataVersion();
                } else if (is(TOPIC_QUEUE_MAPPING_INFO_MAP, nameStart, nameLength)) {
                    fields = once(fields, 8);
                    mappings = mappingInfoMap();
                } else if (is(TOPIC_QUEUE_MAPPING_DETAIL_MAP, nameStart, nameLength)) {
                    fields = once(fields, 16);
                    mappingDetail = emptyDetailMap();
                } else {
                    throw DECLINE;
                }
            } while (nextMember());
        }
        return new TopicConfigSerializeWrapper(dataVersion, topics, mappingDataVersion, mappings, mappingDetail);
    }

    private DataVersion dataVersion() {
        if (nullLiteral()) {
            return null;
        }
        long stateVersion = 0;
        long timestamp = 0;
        long counter = 0;
        int fields = 0;
        if (startObject()) {
            do {
                int nameStart = fieldName();
                int nameLength = pos - nameStart - 1;
                colon();
                if (is(COUNTER, nameStart, nameLength)) {
                    fields = once(fields, 1);
                    counter = longValue();
                } else if (is(STATE_VERSION, nameStart, nameLength)) {
                    fields = once(fields, 2);
                    stateVersion = longValue();
                } else if (is(TIMESTAMP, nameStart, nameLength)) {
                    fields = once(fields, 4);
                    timestamp = longValue();
                } else {
                    throw DECLINE;
                }
            } while (nextMember());
        }
        return new DataVersion(stateVersion, timestamp, counter);
    }

    private Map<String, TopicConfig> topicTable() {
        if (nullLiteral()) {
            return null;
        }
        Map<String, TopicConfig> topics = new HashMap<>();
        if (startObject()) {
            do {
                skipWhitespace();
                String key = string();
                int keyStart = rawStart;
                int keyEnd = rawEnd;
                colon();
                if (topics.put(key, topicConfig(key, keyStart, keyEnd)) != null) {
                    throw DECLINE; // a repeated topic: which copy wins is fastjson2's call
                }
            } while (nextMember());
        }
        return topics;
    }

    /** One TopicConfig; its name reuses {@code key} when it is spelled the same, as it always is. */
    private TopicConfig topicConfig(String key, int keyStart, int keyEnd) {
        int objectStart = pos;
        TopicConfig compact = compactTopicConfig(key, keyStart, keyEnd);
        if (compact != null) {
            return compact;
        }
        pos = objectStart;
        return anyTopicConfig(key, keyStart, keyEnd);
    }

    /**
     * The exact bytes fastjson writes for a topic without attributes, matched piece by piece with
     * vectorised compares instead of token by token: this is nearly all of a big body. Null (pos
     * anywhere) when the object differs in any way; {@link #anyTopicConfig} then reads it.
     */
    private TopicConfig compactTopicConfig(String key, int keyStart, int keyEnd) {
        if (!skip(COMPACT_START)) {
            return null;
        }
        boolean order;
        if (skip(FALSE)) {
            order = false;
        } else if (skip(TRUE)) {
            order = true;
        } else {
            return null;
        }
        int perm;
        int readQueueNums;
        int topicSysFlag;
        int writeQueueNums;
        TopicFilterType filterType;
        if (!skip(COMPACT_PERM) || (perm = compactInt()) < 0 || !skip(COMPACT_READ_QUEUE_NUMS)
            || (readQueueNums = compactInt()) < 0) {
            return null;
        }
        if (skip(COMPACT_SINGLE_TAG)) {
            filterType = TopicFilterType.SINGLE_TAG;
        } else if (skip(COMPACT_MULTI_TAG)) {
            filterType = TopicFilterType.MULTI_TAG;
        } else {
            return null;
        }
        int nameEnd = pos + (keyEnd - keyStart);
        if (nameEnd > in.length || !Arrays.equals(in, pos, nameEnd, in, keyStart, keyEnd)) {
            return null;
        }
        pos = nameEnd;
        if (!skip(COMPACT_SYS_FLAG) || (topicSysFlag = compactInt()) < 0 || !skip(COMPACT_WRITE_QUEUE_NUMS)
            || (writeQueueNums = compactInt()) < 0 || in[pos] != '}') {
            return null;
        }
        pos++;
        return new TopicConfig(key, readQueueNums, writeQueueNums, perm, filterType, topicSysFlag, order, Map.of());
    }

    /** A non-negative int of at most 9 digits without a leading zero, else -1; what follows is the caller's to check. */
    private int compactInt() {
        int start = pos;
        int value = 0;
        while (true) {
            int digit = in[pos] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            pos++;
        }
        int digits = pos - start;
        return digits == 0 || digits > 9 || (digits > 1 && in[start] == '0') ? -1 : value;
    }

    /** Skips {@code bytes} if they stand at pos. */
    private boolean skip(byte[] bytes) {
        int end = pos + bytes.length;
        if (end > in.length || !Arrays.equals(in, pos, end, bytes, 0, bytes.length)) {
            return false;
        }
        pos = end;
        return true;
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
        if (!startObject()) {
            return new TopicConfig(null, 0, 0, 0, null, 0, false, null);
        }
        do {
            int nameStart = fieldName();
            int nameLength = pos - nameStart - 1;
            colon();
            switch (nameLength) {
                case 10 -> {
                    fields = field(fields, 1, ATTRIBUTES, nameStart);
                    attributes = attributes();
                }
                case 5 -> {
                    fields = field(fields, 2, ORDER, nameStart);
                    order = booleanValue();
                }
                case 4 -> {
                    fields = field(fields, 4, PERM, nameStart);
                    perm = intValue();
                }
                case 13 -> {
                    fields = field(fields, 8, READ_QUEUE_NUMS, nameStart);
                    readQueueNums = intValue();
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
                    topicSysFlag = intValue();
                }
                case 14 -> {
                    fields = field(fields, 128, WRITE_QUEUE_NUMS, nameStart);
                    writeQueueNums = intValue();
                }
                default -> throw DECLINE;
            }
        } while (nextMember());
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, filterType, topicSysFlag, order, attributes);
    }

    private String topicName(String key, int keyStart, int keyEnd) {
        if (in[pos] != '"') {
            throw DECLINE; // null and numbers are left to fastjson2
        }
        int start = pos + 1;
        int length = keyEnd - keyStart;
        // The same raw bytes decode to the same text: no need to decode them again.
        if (start + length < in.length && in[start + length] == '"'
            && Arrays.equals(in, start, start + length, in, keyStart, keyEnd)) {
            pos = start + length + 1;
            return key;
        }
        return string();
    }

    private TopicFilterType filterType() {
        if (in[pos] == '"') {
            int start = pos + 1;
            if (matchesQuoted(SINGLE_TAG, start)) {
                pos = start + SINGLE_TAG.length + 1;
                return TopicFilterType.SINGLE_TAG;
            }
            if (matchesQuoted(MULTI_TAG, start)) {
                pos = start + MULTI_TAG.length + 1;
                return TopicFilterType.MULTI_TAG;
            }
        }
        throw DECLINE; // other names, ordinals and null are left to fastjson2
    }

    private boolean matchesQuoted(byte[] word, int start) {
        int end = start + word.length;
        return end < in.length && in[end] == '"' && Arrays.equals(in, start, end, word, 0, word.length);
    }

    private Map<String, String> attributes() {
        if (nullLiteral()) {
            return null;
        }
        if (!startObject()) {
            return Map.of(); // the usual case: no allocation per topic, as TopicConfigJsonReader does
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        do {
            skipWhitespace();
            String key = string();
            colon();
            if (in[pos] != '"' || attributes.put(key, string()) != null) {
                throw DECLINE; // non-string values and repeated keys are left to fastjson2
            }
        } while (nextMember());
        return attributes;
    }

    private Map<String, TopicQueueMappingInfo> mappingInfoMap() {
        if (nullLiteral()) {
            return null;
        }
        Map<String, TopicQueueMappingInfo> mappings = new HashMap<>();
        if (startObject()) {
            do {
                skipWhitespace();
                String key = string();
                colon();
                if (mappings.put(key, mappingInfo()) != null) {
                    throw DECLINE;
                }
            } while (nextMember());
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
        int fields = 0;
        if (startObject()) {
            do {
                int nameStart = fieldName();
                int nameLength = pos - nameStart - 1;
                colon();
                if (is(BNAME, nameStart, nameLength)) {
                    fields = once(fields, 1);
                    bname = nullableString();
                } else if (is(CURR_ID_MAP, nameStart, nameLength)) {
                    fields = once(fields, 2);
                    currIdMap = idMap();
                } else if (is(DIRTY, nameStart, nameLength)) {
                    fields = once(fields, 4);
                    dirty = booleanValue();
                } else if (is(EPOCH, nameStart, nameLength)) {
                    fields = once(fields, 8);
                    epoch = longValue();
                } else if (is(SCOPE, nameStart, nameLength)) {
                    fields = once(fields, 16);
                    scope = nullableString();
                } else if (is(TOPIC, nameStart, nameLength)) {
                    fields = once(fields, 32);
                    topic = nullableString();
                } else if (is(TOTAL_QUEUES, nameStart, nameLength)) {
                    fields = once(fields, 64);
                    totalQueues = intValue();
                } else {
                    throw DECLINE;
                }
            } while (nextMember());
        }
        return new TopicQueueMappingInfo(bname, currIdMap, dirty, epoch, scope, topic, totalQueues);
    }

    /** A map of unquoted integer keys to integers, as fastjson writes {@code Map<Integer,Integer>}. */
    private Map<Integer, Integer> idMap() {
        if (nullLiteral()) {
            return null;
        }
        Map<Integer, Integer> ids = new HashMap<>();
        if (startObject()) {
            do {
                skipWhitespace();
                if (in[pos] == '-') {
                    throw DECLINE; // fastjson2 rejects an unquoted negative key
                }
                Integer key = intValue();
                colon();
                if (ids.put(key, intValue()) != null) {
                    throw DECLINE;
                }
            } while (nextMember());
        }
        return ids;
    }

    /** Only the empty map, which is what brokers without static topics send; anything else declines. */
    private RawJson emptyDetailMap() {
        if (nullLiteral()) {
            return null;
        }
        if (startObject()) {
            throw DECLINE;
        }
        return new RawJson("{}");
    }

    private List<String> stringList() {
        if (nullLiteral()) {
            return null;
        }
        if (in[pos++] != '[') {
            throw DECLINE;
        }
        List<String> list = new ArrayList<>();
        skipWhitespace();
        if (in[pos] == ']') {
            pos++;
            return list;
        }
        byte b;
        do {
            skipWhitespace();
            if (in[pos] != '"') {
                throw DECLINE;
            }
            list.add(string());
            skipWhitespace();
            b = in[pos++];
        } while (b == ',');
        if (b != ']') {
            throw DECLINE;
        }
        return list;
    }

    // ---- tokens ----

    /**
     * Reads '{' and tells whether a member follows; false after an empty object's '}'. The
     * value position is already at the '{' (whitespace before it skipped by {@link #colon}).
     */
    private boolean startObject() {
        if (in[pos++] != '{') {
            throw DECLINE;
        }
        skipWhitespace();
        if (in[pos] == '}') {
            pos++;
            return false;
        }
        return true;
    }

    /** After a member's value: true at ',' (another member follows), false at '}'. */
    private boolean nextMember() {
        skipWhitespace();
        byte b = in[pos++];
        if (b == ',') {
            return true;
        }
        if (b != '}') {
            throw DECLINE;
        }
        return false;
    }

    /** Skips a field name with neither escapes nor non-ASCII; returns where its text starts, leaves pos after the quote. */
    private int fieldName() {
        skipWhitespace();
        if (in[pos++] != '"') {
            throw DECLINE;
        }
        int start = pos;
        while (true) {
            byte b = in[pos++];
            if (b == '"') {
                return start;
            }
            if (b == '\\' || b < 0x20) { // escapes, control characters and non-ASCII bytes
                throw DECLINE;
            }
        }
    }

    private void colon() {
        skipWhitespace();
        if (in[pos++] != ':') {
            throw DECLINE;
        }
        skipWhitespace();
    }

    private static int once(int fields, int bit) {
        if ((fields & bit) != 0) {
            throw DECLINE;
        }
        return fields | bit;
    }

    private int field(int fields, int bit, byte[] name, int nameStart) {
        if (!Arrays.equals(in, nameStart, nameStart + name.length, name, 0, name.length)) {
            throw DECLINE;
        }
        return once(fields, bit);
    }

    private boolean is(byte[] name, int start, int length) {
        return length == name.length && Arrays.equals(in, start, start + length, name, 0, length);
    }

    private boolean nullLiteral() {
        if (in[pos] != 'n') {
            return false;
        }
        literal("null");
        return true;
    }

    private boolean booleanValue() {
        if (in[pos] == 't') {
            literal("true");
            return true;
        }
        literal("false");
        return false;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[pos++] != word.charAt(i)) {
                throw DECLINE;
            }
        }
        endOfNumberOrLiteral();
    }

    private int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw DECLINE;
        }
        return (int) value;
    }

    /** A plain JSON integer that fits a long; leading zeros, fractions, exponents and suffixes decline. */
    private long longValue() {
        boolean negative = in[pos] == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        long value = 0;
        while (true) {
            int digit = in[pos] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || (digits > 1 && in[start] == '0')) {
            throw DECLINE;
        }
        // 18 digits always fit; a 19-digit value that overflowed wrapped negative (-2^63 wraps to
        // itself, and is the one negative value that fits); more never fit.
        if (digits > 19 || (digits == 19 && value < 0 && !(negative && value == Long.MIN_VALUE))) {
            throw DECLINE;
        }
        endOfNumberOrLiteral();
        return negative ? -value : value;
    }

    /** A number or literal must be followed by whitespace or a separator, not e.g. {@code .5}, {@code L} or letters. */
    private void endOfNumberOrLiteral() {
        byte b = in[pos];
        if (b != ',' && b != '}' && b != ']' && b != ':' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
            throw DECLINE;
        }
    }

    private String nullableString() {
        if (nullLiteral()) {
            return null;
        }
        if (in[pos] != '"') {
            throw DECLINE;
        }
        return string();
    }

    /** A string at pos; sets {@link #rawStart}/{@link #rawEnd} to its raw bytes. */
    private String string() {
        if (in[pos++] != '"') {
            throw DECLINE;
        }
        int start = pos;
        boolean ascii = true;
        while (true) {
            byte b = in[pos];
            if (b == '"') {
                rawStart = start;
                rawEnd = pos++;
                return ascii ? new String(in, start, rawEnd - start, StandardCharsets.ISO_8859_1) : utf8(start, rawEnd);
            }
            if (b == '\\') {
                if (!ascii) {
                    throw DECLINE; // fastjson2 2.x misreads some keys mixing escapes with non-ASCII
                }
                return escapedString(start);
            }
            if (b < 0) {
                ascii = false;
            } else if (b < 0x20) {
                throw DECLINE; // raw control characters are left to fastjson2
            }
            pos++;
        }
    }

    /** The rest of an ASCII string from its first backslash on; non-ASCII declines. */
    private String escapedString(int start) {
        StringBuilder sb = new StringBuilder(pos - start + 16);
        int run = start; // start of the pending run of unescaped bytes
        while (true) {
            byte b = in[pos];
            if (b == '"') {
                appendRun(sb, run, pos);
                rawStart = start;
                rawEnd = pos++;
                return sb.toString();
            }
            if (b < 0x20) { // control characters and non-ASCII bytes
                throw DECLINE;
            }
            if (b != '\\') {
                pos++;
                continue;
            }
            appendRun(sb, run, pos);
            pos++;
            byte e = in[pos++];
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hexChar());
                default -> throw DECLINE;
            }
            run = pos;
        }
    }

    private void appendRun(StringBuilder sb, int from, int to) {
        for (int i = from; i < to; i++) {
            sb.append((char) in[i]);
        }
    }

    /** Strict UTF-8: Java replaces malformed sequences with U+FFFD; such input is left to fastjson2. */
    private String utf8(int from, int to) {
        String s = new String(in, from, to - from, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            throw DECLINE;
        }
        return s;
    }

    private char hexChar() {
        int c = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(in[pos++], 16);
            if (d < 0) {
                throw DECLINE;
            }
            c = (c << 4) | d;
        }
        return (char) c;
    }

    private void skipWhitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
