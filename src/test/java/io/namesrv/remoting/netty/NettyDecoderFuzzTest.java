package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The frame decoder on arbitrary bytes, fed in arbitrary pieces: it yields commands or closes the
 * channel, and nothing else (an exception that escaped would be rethrown by the embedded channel).
 */
class NettyDecoderFuzzTest {

    /** Small enough that the fuzzer reaches the too-long path. */
    private static final int MAX_FRAME = 4096;

    @FuzzTest(maxDuration = "5s")
    void decodesOrCloses(FuzzedDataProvider data) {
        EmbeddedChannel channel = new EmbeddedChannel(new NettyDecoder(MAX_FRAME));
        try {
            while (data.remainingBytes() > 0 && channel.isOpen()) {
                byte[] piece = data.consumeBytes(1 + data.consumeInt(0, 512));
                channel.writeInbound(Unpooled.wrappedBuffer(piece));
                channel.checkException();
            }
            for (Object out; (out = channel.readInbound()) != null; ) {
                assertTrue(out instanceof RemotingCommand, "decoder produced " + out.getClass());
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
