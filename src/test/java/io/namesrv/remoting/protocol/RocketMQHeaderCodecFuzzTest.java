package io.namesrv.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The ROCKETMQ binary header decoder on arbitrary bytes: a command or RemotingCommandException;
 * a decoded command encodes and decodes again to the same fields.
 */
class RocketMQHeaderCodecFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void decodesOrRejects(byte[] header) throws RemotingCommandException {
        RemotingCommand cmd;
        try {
            cmd = RocketMQHeaderCodec.decode(header);
        } catch (RemotingCommandException expected) {
            return;
        }
        RemotingCommand again = RocketMQHeaderCodec.decode(RocketMQHeaderCodec.encode(cmd));
        assertEquals(cmd.getCode(), again.getCode());
        assertEquals(cmd.getOpaque(), again.getOpaque());
        assertEquals(cmd.getFlag(), again.getFlag());
    }
}
