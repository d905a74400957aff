package io.namesrv.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The encoder's path (a JSON header written from its characters straight into the buffer) gives
 * the bytes of the header encoded to an array first, whatever the header holds.
 */
class RemotingCommandCodecTest {

    private static byte[] throughArray(RemotingCommand cmd) {
        ByteBuf out = Unpooled.buffer();
        RemotingCommandCodec.encode(cmd, out);
        return ByteBufUtil.getBytes(out);
    }

    private static byte[] throughCharacters(RemotingCommand cmd) {
        ByteBuf out = RemotingCommandCodec.encode(cmd, UnpooledByteBufAllocator.DEFAULT);
        try {
            assertEquals(out.capacity(), out.readableBytes(), "the buffer was sized to the frame");
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    @Test
    void jsonHeadersOfEveryKindEncodeAsThroughAnArray() {
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("topic", "t\"op\\ic\n\u0000");
        ext.put("名前", "値 \uD83D\uDE00 and a lone \uD800 surrogate");
        String[] remarks = {null, "", "plain", "ünïcødé \u2028 \uDBFF", "x".repeat(10_000)};
        for (String remark : remarks) {
            for (boolean withExt : new boolean[] {false, true}) {
                for (byte[] body : new byte[][] {null, new byte[0], "{\"a\":1}".getBytes(StandardCharsets.UTF_8)}) {
                    RemotingCommand cmd = RemotingCommand.response(ResponseCode.SYSTEM_ERROR, remark);
                    cmd.setOpaque(Integer.MIN_VALUE);
                    if (withExt) {
                        cmd.setExtFields(ext);
                    }
                    cmd.setBody(body);
                    byte[] expected = throughArray(cmd);
                    assertArrayEquals(expected, throughCharacters(cmd), String.valueOf(remark));
                    cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
                    assertArrayEquals(throughArray(cmd), throughCharacters(cmd), "ROCKETMQ " + remark);
                }
            }
        }
    }

    @Test
    void aDecodedFrameIsTheCommandEncoded() throws Exception {
        RemotingCommand cmd = RemotingCommand.response(ResponseCode.SUCCESS, "ok \u00e9");
        cmd.setOpaque(7);
        cmd.setBodyParts(new BodyParts(new byte[][] {"ab".getBytes(StandardCharsets.US_ASCII),
            "cd".getBytes(StandardCharsets.US_ASCII)}));
        ByteBuf frame = RemotingCommandCodec.encode(cmd, UnpooledByteBufAllocator.DEFAULT);
        try {
            assertEquals(frame.readableBytes() - 4, frame.readInt());
            RemotingCommand decoded = RemotingCommandCodec.decode(frame);
            assertEquals("ok \u00e9", decoded.getRemark());
            assertEquals(7, decoded.getOpaque());
            assertArrayEquals("abcd".getBytes(StandardCharsets.US_ASCII), decoded.getBody());
        } finally {
            frame.release();
        }
    }
}
