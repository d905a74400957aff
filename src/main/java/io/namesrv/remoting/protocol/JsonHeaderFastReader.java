package io.namesrv.remoting.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the JSON header every client sends (a flat object, extFields a flat map of strings)
 * straight from the bytes, without the tree fastjson2 would build for it. Anything off that shape
 * (nested values in unknown fields, non-string extField values, numbers with fractions or
 * exponents, strings mixing escapes with non-ASCII, comments, single quotes, trailing content,
 * malformed input) makes it give up and return null, so that {@link JsonHeaderCodec} takes the
 * lenient fastjson2 path: this reader never decides an edge case differently, it only declines it.
 */
final class JsonHeaderFastReader {

    private static final Object NULL = new Object();

    /** The known fields, in the order of the cases that read them; others are skipped. */
    private static final byte[][] FIELDS = {JsonByteCursor.ascii("code"), JsonByteCursor.ascii("opaque"),
        JsonByteCursor.ascii("flag"), JsonByteCursor.ascii("version"), JsonByteCursor.ascii("language"),
        JsonByteCursor.ascii("remark"), JsonByteCursor.ascii("extFields")};

    /** Non-ASCII strings keep Java's replacement characters, as they always have on this path. */
    private final JsonByteCursor in;
    /** Known fields read so far, one bit each: a repeated one declines (which copy wins is fastjson2's call). */
    private int seen;

    private JsonHeaderFastReader(byte[] header) {
        this.in = new JsonByteCursor(header, false);
    }

    /** The command, or null when the header is not in the common shape. */
    static RemotingCommand read(byte[] header) {
        try {
            return new JsonHeaderFastReader(header).command();
        } catch (JsonByteCursor.Decline | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private RemotingCommand command() {
        // Absent fields are zero or null, as on the fastjson2 path (not the constructor's defaults).
        RemotingCommand cmd = new RemotingCommand().setCode(0).setLanguage(null).setVersion(0).setOpaque(0).setFlag(0)
            .setRemark(null).setExtFields(null);
        in.skipWhitespace();
        if (in.startObject()) {
            do {
                field(cmd, in.member(FIELDS));
            } while (in.nextMember());
        }
        in.skipWhitespace();
        if (!in.atEnd()) {
            throw JsonByteCursor.decline();
        }
        return cmd;
    }

    private void field(RemotingCommand cmd, int field) {
        if (field >= 0) {
            seen = JsonByteCursor.once(seen, 1 << field);
        }
        switch (field) {
            case 0 -> cmd.setCode(intValue());
            case 1 -> cmd.setOpaque(intValue());
            case 2 -> cmd.setFlag(intValue());
            case 3 -> cmd.setVersion(intValue());
            case 4 -> cmd.setLanguage(language());
            case 5 -> cmd.setRemark(remark());
            case 6 -> cmd.setExtFields(extFields());
            default -> scalar(); // unknown fields are ignored; only flat values are skipped here
        }
    }

    private String remark() {
        Object remark = scalar();
        if (remark != NULL && !(remark instanceof String)) {
            throw JsonByteCursor.decline();
        }
        return remark == NULL ? null : (String) remark;
    }

    private int intValue() {
        Object v = scalar();
        if (v == NULL) {
            return 0;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw JsonByteCursor.decline();
    }

    private LanguageCode language() {
        Object v = scalar();
        if (v == NULL) {
            return null;
        }
        if (v instanceof String s) {
            return LanguageCode.forName(s);
        }
        if (v instanceof Integer i) {
            return LanguageCode.valueOf((byte) i.intValue());
        }
        throw JsonByteCursor.decline();
    }

    private Map<String, String> extFields() {
        if (in.nullLiteral()) {
            return null;
        }
        Map<String, String> ext = new HashMap<>(8);
        if (in.startObject()) {
            do {
                in.skipWhitespace();
                if (in.peek() != '"') {
                    throw JsonByteCursor.decline();
                }
                String key = in.string();
                in.colon();
                Object value = scalar();
                if (ext.containsKey(key) || !(value instanceof String || value == NULL)) {
                    throw JsonByteCursor.decline(); // repeated keys and non-string values are left to fastjson2
                }
                if (value != NULL) {
                    ext.put(key, (String) value);
                }
            } while (in.nextMember());
        }
        return ext;
    }

    /** A string, an int-sized integer, true/false as Boolean, or {@link #NULL}; anything else declines. */
    private Object scalar() {
        byte b = in.peek();
        if (b == '"') {
            return in.string();
        }
        if (b == '-' || (b >= '0' && b <= '9')) {
            return in.intValue(); // fractions, exponents, type suffixes and longs decline
        }
        if (in.nullLiteral()) {
            return NULL;
        }
        if (b == 't' || b == 'f') {
            return in.booleanValue();
        }
        throw JsonByteCursor.decline();
    }
}
