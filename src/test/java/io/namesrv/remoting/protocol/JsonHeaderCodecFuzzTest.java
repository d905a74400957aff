package io.namesrv.remoting.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The JSON header decoder on arbitrary bytes: a command or RemotingCommandException, nothing else. */
class JsonHeaderCodecFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void decodesOrRejects(byte[] header) {
        try {
            JsonHeaderCodec.decode(header);
        } catch (RemotingCommandException expected) {
            // the documented failure
        }
    }
}
