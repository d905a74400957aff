package io.namesrv.protocol;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manual timing of the plain-JSON REGISTER_BROKER decode, not a test: the body mqbench's big
 * broker sends (10,000 topics {@code BenchBigTopic_<i>}, as {@code bench.Requests#registration}
 * builds it), decoded warm many times through the codec and through fastjson2 alone; prints the
 * median and 10th/90th percentile of each. Run:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.namesrv.protocol.RegisterBodyDecodeTiming [topics] [rounds]
 * </pre>
 */
public final class RegisterBodyDecodeTiming {

    private RegisterBodyDecodeTiming() {
    }

    public static void main(String[] args) {
        int topicCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        JsonBodies json = new JsonBodies();
        RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(json);
        byte[] body = codec.encodeJson(benchBody(topicCount));
        System.out.printf("body: %d topics, %d bytes%n", topicCount, body.length);
        if (RegisterBrokerBodyJsonReader.read(body) == null) {
            throw new IllegalStateException("the bench body does not take the fast path");
        }
        if (!codec.decodeJson(body).equals(json.decode(body, RegisterBrokerBody.class))) {
            throw new IllegalStateException("the codec and fastjson2 disagree on the bench body");
        }
        byte[] compressed = codec.encodeCompressed(benchBody(topicCount));
        System.out.printf("compressed: %d bytes%n", compressed.length);
        for (int pass = 0; pass < 2; pass++) { // the first pass is warm-up
            report(pass, "decodeCompressed", time(rounds, () -> codec.decodeCompressed(compressed,
                RegisterBrokerBodyCodec.V5_0_0)));
            report(pass, "codec.decodeJson", time(rounds, () -> codec.decodeJson(body)));
            report(pass, "fastjson2 only  ", time(rounds, () -> json.decode(body, RegisterBrokerBody.class)));
            report(pass, "fast reader only", time(rounds, () -> RegisterBrokerBodyJsonReader.read(body)));
        }
    }

    /** Exactly what mqbench's big broker registers (8 queues, perm 6, SINGLE_TAG, no attributes). */
    static RegisterBrokerBody benchBody(int topicCount) {
        Map<String, TopicConfig> topics = new LinkedHashMap<>(topicCount * 2);
        for (int i = 0; i < topicCount; i++) {
            String topic = "BenchBigTopic_" + i;
            topics.put(topic, new TopicConfig(topic, 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        }
        DataVersion version = new DataVersion(0L, System.currentTimeMillis(), 42L);
        return new RegisterBrokerBody(TopicConfigSerializeWrapper.of(version, topics), List.of());
    }

    private static long[] time(int rounds, Runnable decode) {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            decode.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(int pass, String what, long[] sorted) {
        System.out.printf("%s %s  median %.3f ms  p10 %.3f ms  p90 %.3f ms%n", pass == 0 ? "warm-up" : "measure", what,
            sorted[sorted.length / 2] / 1e6, sorted[sorted.length / 10] / 1e6, sorted[sorted.length * 9 / 10] / 1e6);
    }
}
