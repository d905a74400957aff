package io.namesrv.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The plain (JSON) REGISTER_BROKER body decoder, both request-version forms, on arbitrary bytes:
 * a body or MalformedBodyException, nothing else.
 */
class RegisterBrokerBodyJsonFuzzTest {

    private final RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(new JsonBodies());

    @FuzzTest(maxDuration = "5s")
    void decodesOrRejects(FuzzedDataProvider data) {
        int version = data.consumeBoolean() ? RegisterBrokerBodyCodec.V3_0_11 - 1 : RegisterBrokerBodyCodec.V5_0_0;
        try {
            codec.decode(data.consumeRemainingAsBytes(), false, version);
        } catch (MalformedBodyException expected) {
            // the documented failure
        }
    }
}
