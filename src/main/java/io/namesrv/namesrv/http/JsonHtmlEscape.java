package io.namesrv.namesrv.http;

/**
 * Rewrites {@code <}, {@code >} and {@code &} in UTF-8 JSON text as {@code \u003c}, {@code \u003e}
 * and {@code \u0026}, so that names chosen by brokers and clients (a topic called
 * {@code <script>...}) never appear as markup in an answer, whoever serialized it (fastjson2 or
 * our own route encoders). The value a JSON parser reads is unchanged: outside strings JSON has
 * no such characters, inside strings the escapes mean the same characters, and no byte of a
 * multi-byte UTF-8 sequence is below 0x80.
 */
final class JsonHtmlEscape {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonHtmlEscape() {
    }

    /** {@code json} itself when it holds none of the three characters, else an escaped copy. */
    static byte[] escape(byte[] json) {
        int count = 0;
        for (byte b : json) {
            if (needsEscape(b)) {
                count++;
            }
        }
        if (count == 0) {
            return json;
        }
        byte[] out = new byte[json.length + count * 5];
        int o = 0;
        for (byte b : json) {
            if (needsEscape(b)) {
                out[o++] = '\\';
                out[o++] = 'u';
                out[o++] = '0';
                out[o++] = '0';
                out[o++] = HEX[(b >> 4) & 0xf];
                out[o++] = HEX[b & 0xf];
            } else {
                out[o++] = b;
            }
        }
        return out;
    }

    private static boolean needsEscape(byte b) {
        return b == '<' || b == '>' || b == '&';
    }
}
