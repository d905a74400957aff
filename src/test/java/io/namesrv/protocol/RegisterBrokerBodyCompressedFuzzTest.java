package io.namesrv.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;

/**
 * The compressed REGISTER_BROKER body decoder: a body or MalformedBodyException, nothing else,
 * for raw (mostly invalid Deflate) input and for arbitrary content deflated properly, which lets
 * the fuzzer reach the counts, lengths and topic lines inside.
 */
class RegisterBrokerBodyCompressedFuzzTest {

    private final RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(new JsonBodies());

    @FuzzTest(maxDuration = "5s")
    void decodesOrRejects(FuzzedDataProvider data) {
        boolean deflateFirst = data.consumeBoolean();
        int version = data.consumeBoolean() ? RegisterBrokerBodyCodec.V5_0_0 : RegisterBrokerBodyCodec.V5_0_0 - 1;
        byte[] content = data.consumeRemainingAsBytes();
        try {
            codec.decode(deflateFirst ? deflate(content) : content, true, version);
        } catch (MalformedBodyException expected) {
            // the documented failure
        }
    }

    private static byte[] deflate(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
