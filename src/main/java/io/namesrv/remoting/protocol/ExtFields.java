package io.namesrv.remoting.protocol;

import java.util.Map;

/**
 * Lenient readers of {@code extFields} values, with Apache's semantics: a missing or unparsable
 * value is null (never an exception) and booleans go through {@link Boolean#parseBoolean}.
 */
public final class ExtFields {

    private ExtFields() {
    }

    public static String string(Map<String, String> ext, String key) {
        return ext == null ? null : ext.get(key);
    }

    public static Long longValue(Map<String, String> ext, String key) {
        String v = string(ext, key);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Integer intValue(Map<String, String> ext, String key) {
        String v = string(ext, key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Boolean booleanValue(Map<String, String> ext, String key) {
        String v = string(ext, key);
        return v == null ? null : Boolean.parseBoolean(v);
    }

    /** Puts {@code value.toString()} unless the value is null, as Apache's header encoder does. */
    public static void put(Map<String, String> ext, String key, Object value) {
        if (value != null) {
            ext.put(key, value.toString());
        }
    }
}
