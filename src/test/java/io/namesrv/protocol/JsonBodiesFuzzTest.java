package io.namesrv.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** The DataVersion and TopicRouteData JSON decoders on arbitrary bytes: a value or MalformedBodyException. */
class JsonBodiesFuzzTest {

    private final JsonBodies json = new JsonBodies();

    @FuzzTest(maxDuration = "5s")
    void decodesOrRejects(FuzzedDataProvider data) {
        Class<?> type = data.consumeBoolean() ? DataVersion.class : TopicRouteData.class;
        try {
            json.decode(data.consumeRemainingAsBytes(), type);
        } catch (MalformedBodyException expected) {
            // the documented failure
        }
    }
}
