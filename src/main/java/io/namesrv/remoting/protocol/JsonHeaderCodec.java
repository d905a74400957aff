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

    /** U+2028 and U+2029 are escaped by fastjson 1 too (they end a line in JavaScript). */

    private JsonHeaderCodec() {
    }

    public static byte[] encode(RemotingCommand cmd) {
        return encodeChars(cmd).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The header's JSON as characters, for an encoder that writes them into its buffer as UTF-8
     * itself (no String and no byte array per command).
     */
    public static CharSequence encodeChars(RemotingCommand cmd) {
        StringBuilder sb = new StringBuilder(capacityFor(cmd));
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
                JsonStrings.append(sb, e.getKey());
                sb.append(':');
                JsonStrings.append(sb, e.getValue());
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
            JsonStrings.append(sb, cmd.getRemark());
        }
        if (cmd.getSerializeTypeCurrentRPC() != null) {
            sb.append(",\"serializeTypeCurrentRPC\":\"").append(cmd.getSerializeTypeCurrentRPC().name()).append('"');
        }
        sb.append(",\"version\":").append(cmd.getVersion()).append('}');
        return sb;
    }

    /** Room for the whole header, so the builder never grows (a copy) nor holds much more than it needs. */
    private static int capacityFor(RemotingCommand cmd) {
        long capacity = 112;
        if (cmd.getRemark() != null) {
            capacity += 12 + cmd.getRemark().length();
        }
        Map<String, String> ext = cmd.getExtFields();
        if (ext != null) {
            capacity += 16;
            for (Map.Entry<String, String> e : ext.entrySet()) {
                capacity += 6 + (e.getKey() == null ? 0 : e.getKey().length())
                    + (e.getValue() == null ? 0 : e.getValue().length());
            }
        }
        return (int) Math.min(capacity, 1 << 20);
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
