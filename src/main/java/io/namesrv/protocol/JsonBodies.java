package io.namesrv.protocol;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;

import java.lang.reflect.Type;
import java.util.List;

/**
 * JSON bodies the way Apache writes and reads them. Stateless and thread-safe; fastjson2 caches
 * one reader/writer per type, so a call costs no reflection.
 *
 * <ul>
 *   <li>{@link #encode}: Apache's {@code RemotingSerializable.encode()}: fields sorted by name,
 *       nulls omitted, numeric map keys unquoted ({@code {0:"ip:port"}}).</li>
 *   <li>{@link #encodeStandard}: the route form for clients that ask for standard JSON
 *       (version >= 401 or {@code acceptStandardJsonOnly}): numeric keys quoted, longs beyond
 *       2^53 as strings, map entries sorted. Non-ASCII stays UTF-8, as fastjson2 (Apache 5.5.0)
 *       writes it; fastjson 1 (5.3.3) would escape it as {@code \u4E2D}, which decodes the same.</li>
 *   <li>{@link #decode}: as lenient as fastjson: unquoted numeric keys, unknown fields ignored,
 *       numbers given as strings, field names matched loosely (case, underscores).</li>
 * </ul>
 */
public final class JsonBodies {

    private static final JSONWriter.Feature[] STANDARD = {
        JSONWriter.Feature.BrowserCompatible,
        JSONWriter.Feature.MapSortField,
    };

    private static final JSONReader.Feature[] LENIENT = {
        JSONReader.Feature.SupportSmartMatch,
    };

    public byte[] encode(Object body) {
        return JSON.toJSONBytes(body);
    }

    public String encodeToString(Object body) {
        return JSON.toJSONString(body);
    }

    public byte[] encodeStandard(Object body) {
        return JSON.toJSONBytes(body, STANDARD);
    }

    /** Decodes a body; null or empty input gives null. */
    public <T> T decode(byte[] body, Class<T> type) {
        return decode(body, (Type) type);
    }

    /** Decodes a body into a generic type, e.g. a {@code TypeReference<Map<String,String>>().getType()}. */
    public <T> T decode(byte[] body, Type type) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.parseObject(body, type, LENIENT);
        } catch (RuntimeException e) { // JSONException, and whatever a truncated or mistyped value throws
            throw new MalformedBodyException("cannot decode " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    public <T> T decode(String text, Type type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return JSON.parseObject(text, type, LENIENT);
        } catch (RuntimeException e) { // JSONException, and whatever a truncated or mistyped value throws
            throw new MalformedBodyException("cannot decode " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a JSON array; null or empty input gives null. */
    public <T> List<T> decodeList(byte[] body, Class<T> elementType) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.parseArray(body, elementType, LENIENT);
        } catch (RuntimeException e) { // JSONException, and whatever a truncated or mistyped value throws
            throw new MalformedBodyException("cannot decode list of " + elementType.getName() + ": " + e.getMessage(), e);
        }
    }
}
