package io.namesrv.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.namesrv.remoting.netty.NettyEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body set as parts goes on the wire exactly as the same bytes set as one array. */
class BodyPartsTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] wire(RemotingCommand command) {
        EmbeddedChannel channel = new EmbeddedChannel(new NettyEncoder());
        channel.writeOutbound(command);
        ByteBuf out = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
            channel.finishAndReleaseAll();
        }
    }

    private static RemotingCommand answer() {
        RemotingCommand answer = RemotingCommand.response(ResponseCode.SUCCESS, null);
        answer.setOpaque(42);
        return answer;
    }

    @Test
    void partsAreWrittenAsTheJoinedBodyWouldBe() {
        BodyParts parts = new BodyParts(new byte[][] {ascii("{\"a\":["), ascii("1"), ascii(","), ascii("2"),
            new byte[0], ascii("]}")});
        byte[] joined = ascii("{\"a\":[1,2]}");
        assertEquals(joined.length, parts.length());
        assertArrayEquals(joined, parts.toBytes());
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand asParts = answer().setBodyParts(parts);
            asParts.setSerializeTypeCurrentRPC(type);
            RemotingCommand asArray = answer().setBody(joined);
            asArray.setSerializeTypeCurrentRPC(type);
            assertEquals(joined.length, asParts.bodyLength());
            assertArrayEquals(wire(asArray), wire(asParts), type.name());
        }
    }

    @Test
    void getBodyJoinsThePartsAndSetBodyReplacesThem() {
        RemotingCommand command = answer().setBodyParts(new BodyParts(new byte[][] {ascii("ab"), ascii("c")}));
        assertArrayEquals(ascii("abc"), command.getBody());
        command.setBody(ascii("xy"));
        assertNull(command.getBodyParts());
        assertEquals(2, command.bodyLength());
        assertArrayEquals(wire(answer().setBody(ascii("xy"))), wire(command));
    }
}
