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

    /** Thrown to give up on the fast path; carries no stack, it is control flow. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();
    private static final Object NULL = new Object();

    private final byte[] in;
    private int pos;
    /** Known fields read so far, one bit each: a repeated one declines (which copy wins is fastjson2's call). */
    private int seen;

    private JsonHeaderFastReader(byte[] in) {
        this.in = in;
    }

    /** The command, or null when the header is not in the common shape. */
    static RemotingCommand read(byte[] header) {
        try {
            return new JsonHeaderFastReader(header).command();
        } catch (Decline | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private RemotingCommand command() {
        // Absent fields are zero or null, as on the fastjson2 path (not the constructor's defaults).
        RemotingCommand cmd = new RemotingCommand().setCode(0).setLanguage(null).setVersion(0).setOpaque(0).setFlag(0)
            .setRemark(null).setExtFields(null);
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            do {
                skipWhitespace();
                int nameStart = pos + 1;
                int nameEnd = skipPlainString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                field(cmd, nameStart, nameEnd - nameStart);
                skipWhitespace();
            } while (next() == ',');
            if (in[pos - 1] != '}') {
                throw DECLINE;
            }
        }
        skipWhitespace();
        if (pos != in.length) {
            throw DECLINE;
        }
        return cmd;
    }

    private void once(int bit) {
        if ((seen & bit) != 0) {
            throw DECLINE;
        }
        seen |= bit;
    }

    private void field(RemotingCommand cmd, int nameStart, int nameLength) {
        if (is("code", nameStart, nameLength)) {
            once(1);
            cmd.setCode(intValue());
        } else if (is("opaque", nameStart, nameLength)) {
            once(2);
            cmd.setOpaque(intValue());
        } else if (is("flag", nameStart, nameLength)) {
            once(4);
            cmd.setFlag(intValue());
        } else if (is("version", nameStart, nameLength)) {
            once(8);
            cmd.setVersion(intValue());
        } else if (is("language", nameStart, nameLength)) {
            once(16);
            cmd.setLanguage(language());
        } else if (is("remark", nameStart, nameLength)) {
            once(32);
            Object remark = scalar();
            if (remark != NULL && !(remark instanceof String)) {
                throw DECLINE;
            }
            cmd.setRemark(remark == NULL ? null : (String) remark);
        } else if (is("extFields", nameStart, nameLength)) {
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
        throw DECLINE;
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
        throw DECLINE;
    }

    private Map<String, String> extFields() {
        if (peek() == 'n') {
            literal("null");
            return null;
        }
        expect('{');
        Map<String, String> ext = new HashMap<>(8);
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return ext;
        }
        do {
            skipWhitespace();
            if (peek() != '"') {
                throw DECLINE;
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = scalar();
            if (ext.containsKey(key) || !(value instanceof String || value == NULL)) {
                throw DECLINE; // repeated keys and non-string values are left to fastjson2
            }
            if (value != NULL) {
                ext.put(key, (String) value);
            }
            skipWhitespace();
        } while (next() == ',');
        if (in[pos - 1] != '}') {
            throw DECLINE;
        }
        return ext;
    }

    /** A string, an int-sized integer, true/false as Boolean, or {@link #NULL}; anything else declines. */
    private Object scalar() {
        byte b = peek();
        if (b == '"') {
            return string();
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
        throw DECLINE;
    }

    private Integer integer() {
        boolean negative = in[pos] == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        long value = 0;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            value = value * 10 + (in[pos] - '0');
            pos++;
            if (pos - start > 10) {
                throw DECLINE;
            }
        }
        int digits = pos - start;
        if (digits == 0 || (digits > 1 && in[start] == '0')) {
            throw DECLINE;
        }
        if (pos < in.length && (in[pos] == '.' || in[pos] == 'e' || in[pos] == 'E'
            || in[pos] == 'L' || in[pos] == 'l' || in[pos] == 'S' || in[pos] == 'B')) {
            throw DECLINE;
        }
        value = negative ? -value : value;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw DECLINE;
        }
        return (int) value;
    }

    /** Skips a field name with neither escapes nor non-ASCII; returns the index of its closing quote. */
    private int skipPlainString() {
        expect('"');
        while (true) {
            byte b = in[pos];
            if (b == '"') {
                return pos++;
            }
            if (b == '\\' || b < 0x20) {
                throw DECLINE;
            }
            pos++;
        }
    }

    private String string() {
        expect('"');
        int start = pos;
        boolean ascii = true;
        while (true) {
            byte b = in[pos];
            if (b == '"') {
                String s = new String(in, start, pos - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                pos++;
                return s;
            }
            if (b == '\\') {
                if (!ascii) {
                    throw DECLINE;
                }
                return escapedString(start);
            }
            if (b >= 0 && b < 0x20) {
                throw DECLINE;
            }
            if (b < 0) {
                ascii = false;
            }
            pos++;
        }
    }

    /** The rest of an ASCII string from its first backslash on; non-ASCII declines. */
    private String escapedString(int start) {
        StringBuilder sb = new StringBuilder(pos - start + 16);
        for (int i = start; i < pos; i++) {
            sb.append((char) in[i]);
        }
        while (true) {
            byte b = in[pos++];
            if (b == '"') {
                return sb.toString();
            }
            if (b < 0x20) { // control characters and non-ASCII bytes
                throw DECLINE;
            }
            if (b != '\\') {
                sb.append((char) b);
                continue;
            }
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
        }
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

    private boolean is(String name, int start, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (in[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[pos++] != word.charAt(i)) {
                throw DECLINE;
            }
        }
        if (pos < in.length && Character.isLetterOrDigit(in[pos])) {
            throw DECLINE;
        }
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

    private byte peek() {
        return in[pos];
    }

    private byte next() {
        return in[pos++];
    }

    private void expect(char c) {
        if (in[pos++] != c) {
            throw DECLINE;
        }
    }
}
