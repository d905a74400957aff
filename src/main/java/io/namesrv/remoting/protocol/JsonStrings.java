package io.namesrv.remoting.protocol;

/** JSON string literals written exactly as Apache's fastjson writes them. */
public final class JsonStrings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char LINE_SEPARATOR = 0x2028;
    private static final char PARAGRAPH_SEPARATOR = 0x2029;

    private JsonStrings() {
    }

    /**
     * Escapes as Apache's fastjson does: quote, backslash, the short escapes, other control
     * characters, DEL, U+2028 and U+2029 as six-character escapes with upper-case hex digits;
     * everything else (non-ASCII too) as is.
     */
    public static void append(StringBuilder sb, String s) {
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
}
