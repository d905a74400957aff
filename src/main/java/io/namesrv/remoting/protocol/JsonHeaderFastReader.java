package io.namesrv.remoting.protocol;

import java.nio.charset.StandardCharsets;
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

    private static final byte[] CODE = ascii("code");
    private static final byte[] OPAQUE = ascii("opaque");
    private static final byte[] FLAG = ascii("flag");
    private static final byte[] VERSION = ascii("version");
    private static final byte[] LANGUAGE = ascii("language");
    private static final byte[] REMARK = ascii("remark");
    private static final byte[] EXT_FIELDS = ascii("extFields");

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
                int nameStart = in.fieldName();
                int nameLength = in.pos() - nameStart - 1;
                in.colon();
                field(cmd, nameStart, nameLength);
            } while (in.nextMember());
        }
        in.skipWhitespace();
        if (!in.atEnd()) {
            throw JsonByteCursor.decline();
        }
        return cmd;
    }

    private void once(int bit) {
        seen = JsonByteCursor.once(seen, bit);
    }

    private void field(RemotingCommand cmd, int nameStart, int nameLength) {
        if (in.is(CODE, nameStart, nameLength)) {
            once(1);
            cmd.setCode(intValue());
        } else if (in.is(OPAQUE, nameStart, nameLength)) {
            once(2);
            cmd.setOpaque(intValue());
        } else if (in.is(FLAG, nameStart, nameLength)) {
            once(4);
            cmd.setFlag(intValue());
        } else if (in.is(VERSION, nameStart, nameLength)) {
            once(8);
            cmd.setVersion(intValue());
        } else if (in.is(LANGUAGE, nameStart, nameLength)) {
            once(16);
            cmd.setLanguage(language());
        } else if (in.is(REMARK, nameStart, nameLength)) {
            once(32);
            Object remark = scalar();
            if (remark != NULL && !(remark instanceof String)) {
                throw JsonByteCursor.decline();
            }
            cmd.setRemark(remark == NULL ? null : (String) remark);
        } else if (in.is(EXT_FIELDS, nameStart, nameLength)) {
            once(64);
            cmd.setExtFields(extFields());
        } else {
            scalar(); // unknown fields are ignored; only flat values are skipped here
        }
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
        if (in.peek() == 'n') {
            literal("null");
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
            return integer();
        }
        if (b == 'n') {
            literal("null");
            return NULL;
        }
        if (b == 't') {
            literal("true");
            return Boolean.TRUE;
        }
        if (b == 'f') {
            literal("false");
            return Boolean.FALSE;
        }
        throw JsonByteCursor.decline();
    }

    /** An int; fractions, exponents, type suffixes and more than 10 digits decline. */
    private Integer integer() {
        long value = in.integer(10);
        int pos = in.pos();
        byte[] bytes = in.bytes();
        if (pos < bytes.length && (bytes[pos] == '.' || bytes[pos] == 'e' || bytes[pos] == 'E'
            || bytes[pos] == 'L' || bytes[pos] == 'l' || bytes[pos] == 'S' || bytes[pos] == 'B')) {
            throw JsonByteCursor.decline();
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw JsonByteCursor.decline();
        }
        return (int) value;
    }

    /** A literal must not run on into letters or digits. */
    private void literal(String word) {
        in.word(word);
        int pos = in.pos();
        byte[] bytes = in.bytes();
        if (pos < bytes.length && Character.isLetterOrDigit(bytes[pos])) {
            throw JsonByteCursor.decline();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
