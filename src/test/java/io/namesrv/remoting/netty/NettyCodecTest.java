package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.protocol.LanguageCode;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The frame decoder and encoder on an {@link EmbeddedChannel}: framing, limits, bad input. */
class NettyCodecTest {

    private static final int SMALL_LIMIT = 256;

    private static RemotingCommand sample(SerializeType type, boolean withBody, boolean withExt) {
        RemotingCommand cmd = RemotingCommand.request(105, null)
            .setOpaque(42).setVersion(479).setLanguage(LanguageCode.GO).setRemark("ré\nmark")
            .setSerializeTypeCurrentRPC(type);
        if (withExt) {
            Map<String, String> ext = new HashMap<>();
            ext.put("topic", "TopicTest");
            ext.put("acceptStandardJsonOnly", "true");
            cmd.setExtFields(ext);
        }
        if (withBody) {
            cmd.setBody("{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8));
        }
        return cmd;
    }

    private static ByteBuf encode(RemotingCommand cmd) {
        EmbeddedChannel ch = new EmbeddedChannel(new NettyEncoder());
        assertTrue(ch.writeOutbound(cmd));
        ByteBuf out = ch.readOutbound();
        ch.finishAndReleaseAll();
        return out;
    }

    private static EmbeddedChannel decoderChannel() {
        return new EmbeddedChannel(new NettyDecoder(SMALL_LIMIT));
    }

    private static void assertSameCommand(RemotingCommand expected, RemotingCommand actual) {
        assertEquals(expected.getCode(), actual.getCode());
        assertEquals(expected.getLanguage(), actual.getLanguage());
        assertEquals(expected.getVersion(), actual.getVersion());
        assertEquals(expected.getOpaque(), actual.getOpaque());
        assertEquals(expected.getFlag(), actual.getFlag());
        assertEquals(expected.getRemark(), actual.getRemark());
        assertEquals(expected.getExtFields(), actual.getExtFields());
        assertArrayEquals(expected.getBody(), actual.getBody());
        assertEquals(expected.getSerializeTypeCurrentRPC(), actual.getSerializeTypeCurrentRPC());
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void roundTripWithAndWithoutBodyAndExtFields(SerializeType type) {
        for (boolean body : new boolean[] {false, true}) {
            for (boolean ext : new boolean[] {false, true}) {
                RemotingCommand cmd = sample(type, body, ext);
                EmbeddedChannel ch = decoderChannel();
                assertTrue(ch.writeInbound(encode(cmd)));
                RemotingCommand decoded = ch.readInbound();
                assertSameCommand(cmd, decoded);
                assertFalse(ch.finish());
            }
        }
    }

    @Test
    void frameLengthCountsHeaderAndBodyAndTypeSitsInTheHighByte() {
        RemotingCommand cmd = sample(SerializeType.ROCKETMQ, true, false);
        ByteBuf frame = encode(cmd);
        try {
            int length = frame.getInt(0);
            int oriHeaderLen = frame.getInt(4);
            assertEquals(1, oriHeaderLen >>> 24);
            int headerLen = oriHeaderLen & 0xFFFFFF;
            assertEquals(4 + headerLen + cmd.getBody().length, length);
            assertEquals(frame.readableBytes(), 4 + length);
        } finally {
            frame.release();
        }
    }

    @Test
    void frameSplitByteByByteDecodesOnce() {
        RemotingCommand cmd = sample(SerializeType.JSON, true, true);
        ByteBuf frame = encode(cmd);
        EmbeddedChannel ch = decoderChannel();
        List<RemotingCommand> got = new ArrayList<>();
        while (frame.isReadable()) {
            ch.writeInbound(frame.readRetainedSlice(1));
            for (Object o; (o = ch.readInbound()) != null; ) {
                got.add((RemotingCommand) o);
            }
        }
        frame.release();
        assertEquals(1, got.size());
        assertSameCommand(cmd, got.get(0));
        assertTrue(ch.isActive());
        assertFalse(ch.finish());
    }

    @Test
    void severalFramesInOneBufferAllDecodeInOrder() {
        ByteBuf all = Unpooled.buffer();
        for (int i = 0; i < 5; i++) {
            ByteBuf frame = encode(sample(i % 2 == 0 ? SerializeType.JSON : SerializeType.ROCKETMQ, i > 2, true)
                .setOpaque(i));
            all.writeBytes(frame);
            frame.release();
        }
        EmbeddedChannel ch = decoderChannel();
        ch.writeInbound(all);
        for (int i = 0; i < 5; i++) {
            RemotingCommand cmd = ch.readInbound();
            assertEquals(i, cmd.getOpaque());
        }
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void frameOverTheLimitClosesTheChannel() {
        RemotingCommand cmd = sample(SerializeType.JSON, false, false).setBody(new byte[SMALL_LIMIT * 2]);
        assertClosedWithoutException(encode(cmd));
    }

    @Test
    void negativeLengthClosesTheChannel() {
        assertClosedWithoutException(Unpooled.buffer().writeInt(-5).writeInt(0).writeLong(0));
    }

    @Test
    void zeroLengthFrameClosesTheChannel() {
        assertClosedWithoutException(Unpooled.buffer().writeInt(0).writeInt(0));
    }

    @Test
    void garbageJsonHeaderClosesTheChannel() {
        byte[] junk = "{this is not json".getBytes(StandardCharsets.UTF_8);
        assertClosedWithoutException(Unpooled.buffer().writeInt(4 + junk.length).writeInt(junk.length).writeBytes(junk));
    }

    @Test
    void jsonHeaderThatIsNotAnObjectClosesTheChannel() {
        byte[] junk = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertClosedWithoutException(Unpooled.buffer().writeInt(4 + junk.length).writeInt(junk.length).writeBytes(junk));
    }

    @Test
    void unknownSerializeTypeClosesTheChannel() {
        ByteBuf frame = encode(sample(SerializeType.JSON, false, false));
        frame.setByte(4, 7);
        assertClosedWithoutException(frame);
    }

    @Test
    void headerLengthLargerThanTheFrameClosesTheChannel() {
        ByteBuf frame = encode(sample(SerializeType.JSON, false, false));
        frame.setInt(4, frame.getInt(0) + 10);
        assertClosedWithoutException(frame);
    }

    @Test
    void truncatedRocketmqHeaderClosesTheChannel() {
        // A fixed part of only 10 of its 21 bytes.
        assertClosedWithoutException(Unpooled.buffer().writeInt(4 + 10).writeInt((1 << 24) | 10).writeZero(10));
    }

    @Test
    void rocketmqRemarkLengthPastTheHeaderClosesTheChannel() {
        ByteBuf header = Unpooled.buffer().writeShort(105).writeByte(0).writeShort(479).writeInt(1).writeInt(0)
            .writeInt(1000).writeInt(0);
        int len = header.readableBytes();
        ByteBuf frame = Unpooled.buffer().writeInt(4 + len).writeInt((1 << 24) | len).writeBytes(header);
        header.release();
        assertClosedWithoutException(frame);
    }

    @Test
    void rocketmqNegativeExtKeyLengthClosesTheChannel() {
        ByteBuf header = Unpooled.buffer().writeShort(105).writeByte(0).writeShort(479).writeInt(1).writeInt(0)
            .writeInt(0).writeInt(8).writeShort(-3).writeInt(0).writeShort(0);
        int len = header.readableBytes();
        ByteBuf frame = Unpooled.buffer().writeInt(4 + len).writeInt((1 << 24) | len).writeBytes(header);
        header.release();
        assertClosedWithoutException(frame);
    }

    private static void assertClosedWithoutException(ByteBuf input) {
        EmbeddedChannel ch = decoderChannel();
        ch.writeInbound(input);
        // checkException() rethrows anything that escaped to the end of the pipeline.
        ch.checkException();
        assertNull(ch.readInbound());
        assertFalse(ch.isOpen());
    }
}
