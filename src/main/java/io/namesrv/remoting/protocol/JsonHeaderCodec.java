package io.namesrv.remoting.protocol;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON header (serialize type 0), byte-compatible with Apache's fastjson output: fields in
 * name order, nulls left out. Encoding is hand-written because it runs for every response.
 * Decoding is lenient the way Apache's is (unknown language is null, a numeric language is an
 * ordinal, unknown fields are ignored, {@code extFields:null} is fine): the common shape is read
 * by {@link JsonHeaderFastReader} without building a JSON tree, everything else by fastjson2.
 */
public final class JsonHeaderCodec {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** U+2028 and U+2029 are escaped by fastjson 1 too (they end a line in JavaScript). */
    private static final char LINE_SEPARATOR = 0x2028;
    private static final char PARAGRAPH_SEPARATOR = 0x2029;

    private JsonHeaderCodec() {
    }

    public static byte[] encode(RemotingCommand cmd) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("{\"code\":").append(cmd.getCode());
        Map<String, String> ext = cmd.getExtFields();
        if (ext != null) {
            sb.append(",\"extFields\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : ext.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                appendString(sb, e.getKey());
                sb.append(':');
                appendString(sb, e.getValue());
            }
            sb.append('}');
        }
        sb.append(",\"flag\":").append(cmd.getFlag());
        if (cmd.getLanguage() != null) {
            sb.append(",\"language\":\"").append(cmd.getLanguage().name()).append('"');
        }
        sb.append(",\"opaque\":").append(cmd.getOpaque());
        if (cmd.getRemark() != null) {
            sb.append(",\"remark\":");
            appendString(sb, cmd.getRemark());
        }
        if (cmd.getSerializeTypeCurrentRPC() != null) {
            sb.append(",\"serializeTypeCurrentRPC\":\"").append(cmd.getSerializeTypeCurrentRPC().name()).append('"');
        }
        sb.append(",\"version\":").append(cmd.getVersion()).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Escapes as Apache's fastjson does: quote, backslash, the short escapes, other control
     * characters, DEL, U+2028 and U+2029 as six-character escapes with upper-case hex digits;
     * everything else (non-ASCII too) as is.
     */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR) {
                        sb.append("\\u20").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    public static RemotingCommand decode(byte[] header) throws RemotingCommandException {
        RemotingCommand fast = JsonHeaderFastReader.read(header);
        return fast != null ? fast : decodeLeniently(header);
    }

    /** Through fastjson2: every header the fast reader declines, malformed ones included. */
    static RemotingCommand decodeLeniently(byte[] header) throws RemotingCommandException {
        JSONObject json;
        try {
            json = JSON.parseObject(new String(header, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // JSONException mostly, but fastjson2 also throws e.g. ArrayIndexOutOfBoundsException on
            // an unterminated string of backslashes (found by JsonHeaderCodecFuzzTest).
            throw new RemotingCommandException("invalid JSON header: " + e.getMessage(), e);
        }
        if (json == null) {
            throw new RemotingCommandException("empty JSON header");
        }
        try {
            RemotingCommand cmd = new RemotingCommand();
            cmd.setCode(intField(json, "code"));
            cmd.setLanguage(language(json.get("language")));
            cmd.setVersion(intField(json, "version"));
            cmd.setOpaque(intField(json, "opaque"));
            cmd.setFlag(intField(json, "flag"));
            Object remark = json.get("remark");
            cmd.setRemark(remark == null ? null : remark.toString());
            cmd.setExtFields(extFields(json.get("extFields")));
            return cmd;
        } catch (RuntimeException e) { // JSONException, NumberFormatException, ClassCastException...
            throw new RemotingCommandException("invalid JSON header field: " + e.getMessage(), e);
        }
    }

    private static int intField(JSONObject json, String name) {
        Integer v = json.getInteger(name);
        return v == null ? 0 : v;
    }

    private static LanguageCode language(Object value) {
        if (value instanceof Number n) {
            return LanguageCode.valueOf((byte) n.intValue());
        }
        return value == null ? null : LanguageCode.forName(value.toString());
    }

    private static Map<String, String> extFields(Object value) throws RemotingCommandException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw new RemotingCommandException("extFields is not an object");
        }
        Map<String, String> ext = new HashMap<>(Math.max(4, raw.size() * 2));
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                ext.put(e.getKey().toString(), e.getValue().toString());
            }
        }
        return ext;
    }
}
