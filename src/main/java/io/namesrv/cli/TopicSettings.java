package io.namesrv.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic as mqadmin creates or changes it on a broker (UPDATE_AND_CREATE_TOPIC), with Apache's
 * defaults for what the command line leaves out, and printed the way Apache's {@code TopicConfig}
 * prints itself. {@code attributes} keep Apache's {@code +key=value} / {@code -key} form, in a
 * hash map as Apache's, so they print and are sent in the same order.
 */
record TopicSettings(String topicName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag,
                     boolean order, Map<String, String> attributes) {

    static final int PERM_READ_WRITE = 6;
    private static final int PERM_WRITE = 2;
    private static final int PERM_READ = 4;
    private static final int PERM_INHERIT = 1;
    private static final String FILTER_TYPE = "SINGLE_TAG";

    /** Apache's TopicSysFlag: bit 0 unit topic, bit 1 has unit subscription. */
    static int sysFlag(boolean unit, boolean hasUnitSub) {
        return (unit ? 1 : 0) | (hasUnitSub ? 2 : 0);
    }

    /** Apache's PermName.isValid: the three permission bits and nothing else. */
    static boolean validPerm(int perm) {
        return perm >= 0 && perm < 8;
    }

    String filterType() {
        return FILTER_TYPE;
    }

    /** {@code RW-}, {@code R--}, {@code -W-}, with {@code X} for the inherit bit, as Apache's perm2String. */
    static String permText(int perm) {
        return ((perm & PERM_READ) != 0 ? "R" : "-") + ((perm & PERM_WRITE) != 0 ? "W" : "-")
            + ((perm & PERM_INHERIT) != 0 ? "X" : "-");
    }

    /** What Apache's {@code TopicConfig.toString()} prints. */
    String apacheText() {
        return "TopicConfig [topicName=" + topicName + ", readQueueNums=" + readQueueNums + ", writeQueueNums="
            + writeQueueNums + ", perm=" + permText(perm) + ", topicFilterType=" + FILTER_TYPE + ", topicSysFlag="
            + topicSysFlag + ", order=" + order + ", attributes=" + attributes + "]";
    }

    /** The attributes as sent in the request header: {@code +k=v,-k} in map order, {@code ""} for none. */
    String attributesText() {
        List<String> parts = new ArrayList<>();
        attributes.forEach((k, v) -> parts.add(v == null || v.isEmpty() ? k : k + "=" + v));
        return String.join(",", parts);
    }

    /**
     * Parses {@code -a +key=value,+key2=value2,-key3} (add or change with {@code +}, remove with
     * {@code -}), refusing what Apache's AttributeParser refuses.
     */
    static Map<String, String> parseAttributes(String text) throws CliException {
        Map<String, String> attributes = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return attributes;
        }
        for (String kv : text.split(",")) {
            String key;
            String value;
            if (kv.contains("=")) {
                String[] parts = kv.split("=");
                if (parts.length < 2) {
                    throw CliException.usage("attribute '" + kv + "' has no value; use +key=value or -key");
                }
                key = parts[0];
                value = parts[1];
                if (!key.contains("+")) {
                    throw CliException.usage("add/alter attribute format is wrong: " + key + " (use +key=value)");
                }
            } else {
                key = kv;
                value = "";
                if (!key.contains("-")) {
                    throw CliException.usage("delete attribute format is wrong: " + key + " (use -key)");
                }
            }
            if (attributes.put(key, value) != null) {
                throw CliException.usage("attribute given twice: " + key);
            }
        }
        return attributes;
    }

    /** For --json: the topic's settings by name. */
    Map<String, Object> toJson() {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("topicName", topicName);
        doc.put("readQueueNums", readQueueNums);
        doc.put("writeQueueNums", writeQueueNums);
        doc.put("perm", perm);
        doc.put("topicFilterType", FILTER_TYPE);
        doc.put("topicSysFlag", topicSysFlag);
        doc.put("order", order);
        doc.put("attributes", attributes);
        return doc;
    }
}
