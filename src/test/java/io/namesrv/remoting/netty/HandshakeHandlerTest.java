package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PROXY preamble sniffer on an {@link EmbeddedChannel}: no sockets, no threads. */
class HandshakeHandlerTest {

    private static final String PROXY_V1 = "PROXY TCP4 192.0.2.7 198.51.100.1 40001 9876\r\n";
    /** The first bytes of a RocketMQ frame: the high byte of its length is 0. */
    private static final byte[] FRAME_START = {0, 0, 0, 42, 0, 0, 0, 20};

    private final EmbeddedChannel channel = new EmbeddedChannel(new HandshakeHandler());

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aRocketMqFramePassesUntouchedAndTheSnifferLeaves() {
        channel.writeInbound(Unpooled.wrappedBuffer(FRAME_START));

        assertNull(channel.pipeline().get(HandshakeHandler.class));
        assertNull(channel.pipeline().get(HAProxyMessageDecoder.class));
        assertEquals(Unpooled.wrappedBuffer(FRAME_START), released(channel.readInbound()));
    }

    @Test
    void aTlsHelloIsNotMistakenForAProxyPreamble() {
        byte[] hello = {0x16, 0x03, 0x01, 0x00, 0x05};
        channel.writeInbound(Unpooled.wrappedBuffer(hello));

        assertNull(channel.pipeline().get(HandshakeHandler.class));
        assertEquals(Unpooled.wrappedBuffer(hello), released(channel.readInbound()));
    }

    @Test
    void aProxyV1PreambleRecordsTheRealClientAndTheFrameAfterItPassesOn() {
        ByteBuf bytes = Unpooled.buffer();
        bytes.writeBytes(PROXY_V1.getBytes(StandardCharsets.US_ASCII)).writeBytes(FRAME_START);
        channel.writeInbound(bytes);

        assertEquals("192.0.2.7:40001", channel.attr(ProxyMessageHandler.PROXY_SOURCE_ADDRESS).get());
        assertNull(channel.pipeline().get(HandshakeHandler.class));
        assertNull(channel.pipeline().get(ProxyMessageHandler.class), "the proxy handler leaves after the preamble");
        assertEquals(Unpooled.wrappedBuffer(FRAME_START), released(channel.readInbound()));
    }

    @Test
    void aPreambleArrivingInPiecesIsWaitedForUntilItCanBeRecognised() {
        byte[] preamble = PROXY_V1.getBytes(StandardCharsets.US_ASCII);
        channel.writeInbound(Unpooled.wrappedBuffer(preamble, 0, 5));

        assertTrue(channel.pipeline().get(HandshakeHandler.class) != null, "5 bytes cannot tell a preamble yet");
        assertNull(channel.readInbound());

        channel.writeInbound(Unpooled.wrappedBuffer(preamble, 5, preamble.length - 5));

        assertEquals("192.0.2.7:40001", channel.attr(ProxyMessageHandler.PROXY_SOURCE_ADDRESS).get());
        assertNull(channel.readInbound(), "the preamble itself is not passed on");
    }

    @Test
    void textStartingWithPButNotAPreambleIsPassedOnAsIs() {
        byte[] text = "PING not a proxy header".getBytes(StandardCharsets.US_ASCII);
        channel.writeInbound(Unpooled.wrappedBuffer(text));

        assertNull(channel.pipeline().get(HandshakeHandler.class));
        assertNull(channel.pipeline().get(HAProxyMessageDecoder.class));
        assertEquals(Unpooled.wrappedBuffer(text), released(channel.readInbound()));
    }

    /** Copies the buffer for comparison and releases the original. */
    private static ByteBuf released(ByteBuf buf) {
        try {
            return Unpooled.copiedBuffer(buf);
        } finally {
            buf.release();
        }
    }
}
