package io.namesrv.namesrv.hardening;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Broken frames for the remoting port, by name: lengths that lie (negative, 2 GiB, past the frame
 * limit), headers that lie about their length or nest 100,000 deep, serialize types and headers
 * that are not what they claim, a header over the size limit. Each must close its own connection and nothing else. Shared by
 * {@link BadInputTest} (each one, in process) and {@link HostileSetRun} (all, against child JVMs).
 */
final class HostileFrames {

    private HostileFrames() {
    }

    /** Every broken frame, in a stable order. */
    static Map<String, byte[]> broken() {
        byte[] json = utf8("{\"code\":105,\"flag\":0,\"language\":\"JAVA\",\"opaque\":1,\"version\":479}");
        Map<String, byte[]> frames = new LinkedHashMap<>();
        frames.put("negative length -1", ints(-1, 0));
        frames.put("negative length MIN_VALUE", ints(Integer.MIN_VALUE, 0));
        frames.put("2 GiB length", ints(Integer.MAX_VALUE, 0));
        frames.put("17 MiB length, over the 16 MiB frame limit", ints(17 * 1024 * 1024, 0));
        frames.put("zero-length frame", ints(0));
        frames.put("frame shorter than the header-length field", concat(ints(2), new byte[] {0, 0}));
        frames.put("header length past the frame end", concat(ints(8, 100), new byte[4]));
        frames.put("header length 0xFFFFFF", concat(ints(8, 0xFFFFFF), new byte[4]));
        frames.put("unknown serialize type 7", frame(7, json));
        frames.put("unknown serialize type 0xFF", frame(0xFF, json));
        frames.put("header is not JSON", frame(0, utf8("{this is not json")));
        frames.put("header is a JSON array", frame(0, utf8("[1,2,3]")));
        frames.put("header is JSON null", frame(0, utf8("null")));
        frames.put("header is empty", frame(0, new byte[0]));
        frames.put("header code is a word", frame(0, utf8("{\"code\":\"abc\",\"opaque\":1}")));
        frames.put("header code is an object", frame(0, utf8("{\"code\":{},\"opaque\":1}")));
        frames.put("extFields is a number", frame(0, utf8("{\"code\":105,\"extFields\":5}")));
        frames.put("header nested 100000 deep", frame(0, utf8("[".repeat(100_000))));
        frames.put("header is invalid UTF-8", frame(0, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
        frames.put("ROCKETMQ header too short", frame(1, new byte[10]));
        frames.put("ROCKETMQ remark length negative", frame(1, rocketmqHeader(-3, 0)));
        frames.put("ROCKETMQ remark length 2 GiB", frame(1, rocketmqHeader(Integer.MAX_VALUE, 0)));
        frames.put("ROCKETMQ ext length past header", frame(1, rocketmqHeader(0, 1000)));
        frames.put("ROCKETMQ ext key length past ext", frame(1, rocketmqHeaderWithExt(new byte[] {0, 50, 'k'})));
        frames.put("a real 2 MiB header, over the 1 MiB serverMaxRequestHeaderBytes", hugeHeader(2 * 1024 * 1024));
        return frames;
    }

    /**
     * A well-formed route lookup whose JSON header really is {@code topicBytes} long: the topic.
     * Decoding it costs several times its size in heap, and the answer echoes the topic.
     */
    static byte[] hugeHeader(int topicBytes) {
        byte[] header = utf8("{\"code\":105,\"flag\":0,\"language\":\"JAVA\",\"opaque\":1,\"version\":479,"
            + "\"extFields\":{\"topic\":\"" + "h".repeat(topicBytes) + "\"}}");
        return frame(0, header);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ints(int... values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            buf.putInt(v);
        }
        return buf.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** {@code length | type<<24 + headerLen | header}, with a correct length and no body. */
    private static byte[] frame(int serializeType, byte[] header) {
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length);
        buf.putInt(4 + header.length);
        buf.putInt((serializeType << 24) | header.length);
        buf.put(header);
        return buf.array();
    }

    /** A ROCKETMQ header whose remark and ext lengths are as given and whose content is absent. */
    private static byte[] rocketmqHeader(int remarkLength, int extLength) {
        ByteBuffer buf = ByteBuffer.allocate(21);
        buf.putShort((short) 105).put((byte) 0).putShort((short) 479).putInt(1).putInt(0);
        buf.putInt(remarkLength).putInt(extLength);
        return buf.array();
    }

    private static byte[] rocketmqHeaderWithExt(byte[] ext) {
        ByteBuffer buf = ByteBuffer.allocate(21 + ext.length);
        buf.putShort((short) 105).put((byte) 0).putShort((short) 479).putInt(1).putInt(0);
        buf.putInt(0).putInt(ext.length).put(ext);
        return buf.array();
    }
}
