package io.namesrv.remoting.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A position over JSON bytes with the token primitives the hand-written fast readers share. Every
 * primitive either agrees with what the lenient fastjson2 path would read or throws
 * {@link Decline}; running off the end of the input throws {@link ArrayIndexOutOfBoundsException}.
 * Callers catch both and fall back to fastjson2, so the readers built on this never decide an edge
 * case themselves.
 *
 * <p>Two levels: the raw primitives ({@link #integer}, {@link #word}, {@link #string}) leave what may
 * follow to the caller, for readers that match whole runs of bytes; the value readers
 * ({@link #longValue}, {@link #intValue}, {@link #booleanValue}, {@link #nullLiteral}, ...) also
 * require whitespace or a separator after a number or literal, declining {@code 1.5}, {@code 1L},
 * {@code nullx} and the like. It lives in {@code remoting.protocol} because the request-header
 * reader there uses it, and {@code remoting} may not import {@code protocol}.
 */
public final class JsonByteCursor {

    /** Thrown to give up on the fast path; carries no stack and no cause, it is control flow. */
    public static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final byte[] in;
    /** Whether non-ASCII strings holding U+FFFD (what malformed UTF-8 decodes to) decline. */
    private final boolean strictUtf8;
    private int pos;
    /** Bounds of the last string's raw bytes between its quotes, to compare without decoding. */
    private int rawStart;
    private int rawEnd;

    /**
     * @param strictUtf8 true to decline non-ASCII strings that decode to U+FFFD (malformed UTF-8),
     *     false to keep Java's replacement characters
     */
    public JsonByteCursor(byte[] in, boolean strictUtf8) {
        this.in = in;
        this.strictUtf8 = strictUtf8;
    }

    /** The shared signal to give up; {@code throw JsonByteCursor.decline()}. */
    public static Decline decline() {
        return DECLINE;
    }

    /** {@code fields} with {@code bit} set; declines when it already was (a repeated field: which copy wins is fastjson2's call). */
    public static int once(int fields, int bit) {
        if ((fields & bit) != 0) {
            throw DECLINE;
        }
        return fields | bit;
    }

    /** The ASCII bytes of a field name, to compare with {@link #is} or pass to {@link #member}. */
    public static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] bytes() {
        return in;
    }

    public int pos() {
        return pos;
    }

    public void pos(int pos) {
        this.pos = pos;
    }

    public boolean atEnd() {
        return pos == in.length;
    }

    public int rawStart() {
        return rawStart;
    }

    public int rawEnd() {
        return rawEnd;
    }

    public byte peek() {
        return in[pos];
    }

    public byte next() {
        return in[pos++];
    }

    public void expect(char c) {
        if (in[pos++] != c) {
            throw DECLINE;
        }
    }

    public void skipWhitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    /** Skips {@code bytes} if they stand at pos. */
    public boolean skip(byte[] bytes) {
        int end = pos + bytes.length;
        if (end > in.length || !Arrays.equals(in, pos, end, bytes, 0, bytes.length)) {
            return false;
        }
        pos = end;
        return true;
    }

    /** Whether the bytes at {@code start}, {@code length} long, are exactly {@code name}. */
    public boolean is(byte[] name, int start, int length) {
        return length == name.length && Arrays.equals(in, start, start + length, name, 0, length);
    }

    /** The bytes of {@code word}, declining on any other; what may follow is the caller's to check. */
    public void word(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[pos++] != word.charAt(i)) {
                throw DECLINE;
            }
        }
    }

    /**
     * Reads '{' and tells whether a member follows; false after an empty object's '}'. Whitespace
     * before the '{' is the caller's to skip.
     */
    public boolean startObject() {
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
    public boolean nextMember() {
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

    /**
     * Skips a field name with neither escapes nor non-ASCII (what fastjson2 may read differently);
     * returns where its text starts and leaves pos after the closing quote, so its length is
     * {@code pos() - start - 1}.
     */
    public int fieldName() {
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

    /** The ':' between a name and its value, with the whitespace around it. */
    public void colon() {
        skipWhitespace();
        if (in[pos++] != ':') {
            throw DECLINE;
        }
        skipWhitespace();
    }

    /**
     * A plain JSON integer of at most {@code maxDigits} digits (at most 19) that fits a long.
     * Leading zeros decline; what may follow (fractions, exponents, suffixes) is the caller's to check.
     */
    public long integer(int maxDigits) {
        boolean negative = in[pos] == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        long value = 0;
        while (pos < in.length) {
            int digit = in[pos] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || digits > maxDigits || (digits > 1 && in[start] == '0')) {
            throw DECLINE;
        }
        // 18 digits always fit; a 19-digit value that overflowed wrapped negative (-2^63 wraps to
        // itself, and is the one negative value that fits); more are refused above.
        if (digits == 19 && value < 0 && !(negative && value == Long.MIN_VALUE)) {
            throw DECLINE;
        }
        return negative ? -value : value;
    }

    /** A string at pos; sets {@link #rawStart()}/{@link #rawEnd()} to its raw bytes. */
    public String string() {
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
                    throw DECLINE; // fastjson2 2.x misreads some strings mixing escapes with non-ASCII
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

    private String utf8(int from, int to) {
        String s = new String(in, from, to - from, StandardCharsets.UTF_8);
        if (strictUtf8 && s.indexOf('\uFFFD') >= 0) {
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

    // ---- values, each followed by whitespace or a separator ----

    /**
     * Reads the next member's name and its colon: the index in {@code names} of the name it spells,
     * or -1 for any other name (the caller skips its value or declines).
     */
    public int member(byte[][] names) {
        int nameStart = fieldName();
        int nameLength = pos - nameStart - 1;
        colon();
        for (int i = 0; i < names.length; i++) {
            if (is(names[i], nameStart, nameLength)) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #member}, declining any name not in {@code names} (fastjson2 decides what to do with it). */
    public int knownMember(byte[][] names) {
        int field = member(names);
        if (field < 0) {
            throw DECLINE;
        }
        return field;
    }

    /** Reads {@code null} and returns true if it stands at pos; false (pos unchanged) for any other value. */
    public boolean nullLiteral() {
        if (in[pos] != 'n') {
            return false;
        }
        literal("null");
        return true;
    }

    /** {@code true} or {@code false}; anything else declines. */
    public boolean booleanValue() {
        if (in[pos] == 't') {
            literal("true");
            return true;
        }
        literal("false");
        return false;
    }

    /** The literal {@code word}, which must not run on into anything but whitespace or a separator. */
    public void literal(String word) {
        word(word);
        endOfValue();
    }

    /** A plain JSON integer that fits an int. */
    public int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw DECLINE;
        }
        return (int) value;
    }

    /** A plain JSON integer that fits a long; leading zeros, fractions, exponents and suffixes decline. */
    public long longValue() {
        long value = integer(19);
        endOfValue();
        return value;
    }

    /** A string or {@code null}; any other value declines. */
    public String nullableString() {
        if (nullLiteral()) {
            return null;
        }
        if (in[pos] != '"') {
            throw DECLINE;
        }
        return string();
    }

    /** An array of strings, or {@code null}; any other element declines. */
    public List<String> stringList() {
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

    /** A number or literal must be followed by whitespace or a separator, not e.g. {@code .5}, {@code L} or letters. */
    private void endOfValue() {
        byte b = in[pos];
        if (b != ',' && b != '}' && b != ']' && b != ':' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
            throw DECLINE;
        }
    }
}
