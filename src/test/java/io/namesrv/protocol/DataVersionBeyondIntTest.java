package io.namesrv.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.common.MQVersion;
import org.junit.jupiter.api.Test;

/**
 * apache/rocketmq#10107: the fastjson2 of Apache 5.4.0 fails on an {@code AtomicLong} above
 * 2^31-1, and a broker's DataVersion counter gets there (the report had 2147871249). Every way a
 * DataVersion reaches us must read all three fields as 64-bit and compare them as such: the fast
 * REGISTER_BROKER reader, the fastjson2 fallback, the compressed body and the QUERY_DATA_VERSION
 * body. The bodies are written by Apache's own classes.
 */
class DataVersionBeyondIntTest {

    /** The counter from the report. */
    static final long REPORTED_COUNTER = 2_147_871_249L;
    /** Every field beyond int, the counter the largest a broker can hold. */
    static final DataVersion LARGE = new DataVersion(1L << 40, 1_795_421_958_841L, Long.MAX_VALUE);
    static final DataVersion REPORTED = new DataVersion(0L, 1_795_421_958_841L, REPORTED_COUNTER);

    private final JsonBodies json = new JsonBodies();
    private final RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(json);

    private static org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody apacheBody(DataVersion version) {
        var body = RegisterBrokerBodyCodecTest.apacheBody(3);
        body.getTopicConfigSerializeWrapper().setDataVersion(ApacheMirror.apache(version));
        return body;
    }

    @Test
    void theFastReaderReadsEveryFieldAs64Bit() {
        for (DataVersion v : new DataVersion[] {REPORTED, LARGE}) {
            byte[] body = apacheBody(v).encode(false);
            RegisterBrokerBody fast = RegisterBrokerBodyJsonReader.read(body);
            assertNotNull(fast, () -> "the fast reader declined " + new String(body, StandardCharsets.UTF_8));
            assertEquals(v, fast.topicConfigSerializeWrapper().dataVersion());
        }
    }

    @Test
    void theFastjson2FallbackReadsEveryFieldAs64Bit() {
        for (DataVersion v : new DataVersion[] {REPORTED, LARGE}) {
            RegisterBrokerBody slow = json.decode(apacheBody(v).encode(false), RegisterBrokerBody.class);
            assertEquals(v, slow.topicConfigSerializeWrapper().dataVersion());
        }
    }

    @Test
    void theCompressedBodyReadsEveryFieldAs64Bit() throws IOException {
        for (DataVersion v : new DataVersion[] {REPORTED, LARGE}) {
            byte[] body = apacheBody(v).encode(true);
            RegisterBrokerBody decoded = codec.decode(body, true, MQVersion.Version.V5_3_3.ordinal());
            assertEquals(v, decoded.topicConfigSerializeWrapper().dataVersion());
        }
    }

    @Test
    void theQueryDataVersionBodyReadsEveryFieldAs64BitAndWritesItBackForApache() {
        for (DataVersion v : new DataVersion[] {REPORTED, LARGE}) {
            byte[] fromBroker = ApacheMirror.apache(v).encode();
            DataVersion ours = json.decode(fromBroker, DataVersion.class);
            assertEquals(v, ours);
            // the answer's body is the stored version: Apache's broker must read the same numbers
            var back = org.apache.rocketmq.remoting.protocol.DataVersion.decode(json.encode(ours),
                org.apache.rocketmq.remoting.protocol.DataVersion.class);
            assertEquals(v, ApacheMirror.ours(back));
        }
    }

    @Test
    void versionsThatDifferOnlyAbove32BitsAreDifferent() {
        // truncated to int these would be equal, and a changed broker would look unchanged
        DataVersion higher = new DataVersion(0L, REPORTED.timestamp(), REPORTED_COUNTER + (1L << 32));
        assertEquals((int) REPORTED.counter(), (int) higher.counter());
        assertNotEquals(REPORTED, higher);
        assertNotEquals(new DataVersion(1L, 1L, 1L), new DataVersion(1L + (1L << 32), 1L, 1L));
        assertNotEquals(new DataVersion(1L, 1L, 1L), new DataVersion(1L, 1L + (1L << 32), 1L));
    }
}
