package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.RegisterBrokerBodyCodec;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manual timing of applying mqbench's big registration (10,000 topics, each time a new
 * dataVersion) to the route table, not a test. Each round decodes a fresh body untimed (so topic
 * names are new String instances, as on the server) and times {@code registerBroker}. Run:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.namesrv.namesrv.routeinfo.RegisterBrokerApplyTiming
 * </pre>
 */
public final class RegisterBrokerApplyTiming {

    private RegisterBrokerApplyTiming() {
    }

    public static void main(String[] args) {
        int topicCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(new JsonBodies());
        RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false));
        long counter = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass is warm-up
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                byte[] body = codec.encodeJson(body(topicCount, new DataVersion(0L, 1_700_000_000_000L + counter, counter++)));
                RegisterBrokerBody decoded = codec.decodeJson(body);
                long start = System.nanoTime();
                routes.registerBroker(BrokerRegistration.builder("BenchCluster", "127.0.0.1:10911", "bench-big", 0L)
                    .haServerAddr("127.0.0.1:10912").heartbeatTimeoutMillis(30_000L).enableActingMaster(Boolean.FALSE)
                    .topics(decoded.topicConfigSerializeWrapper()).filterServers(decoded.filterServerList()).build());
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%s registerBroker  median %.3f ms  p10 %.3f ms  p90 %.3f ms%n", pass == 0 ? "warm-up" : "measure",
                nanos[rounds / 2] / 1e6, nanos[rounds / 10] / 1e6, nanos[rounds * 9 / 10] / 1e6);
        }
    }

    private static RegisterBrokerBody body(int topicCount, DataVersion version) {
        Map<String, TopicConfig> topics = new LinkedHashMap<>(topicCount * 2);
        for (int i = 0; i < topicCount; i++) {
            String topic = "BenchBigTopic_" + i;
            topics.put(topic, new TopicConfig(topic, 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        }
        return new RegisterBrokerBody(TopicConfigSerializeWrapper.of(version, topics), List.of());
    }
}
