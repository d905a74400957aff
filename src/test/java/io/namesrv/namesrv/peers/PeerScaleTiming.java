package io.namesrv.namesrv.peers;

import com.alibaba.fastjson2.JSONObject;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.SerializeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manual measurement, not a test: what comparing with a peer, and bootstrapping from one, cost
 * at cluster scale. Server A holds {@code brokers} broker processes with {@code topics} topics
 * each, server B the same but one; B compares with A every second. Printed: the size of the two
 * answers a comparison reads, the comparison times B measured, and how long a third server with
 * an empty disk takes to restore all of A's routes from it before its port listens. Run (after
 * {@code mvn -o test-compile}):
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *   io.namesrv.namesrv.peers.PeerScaleTiming 1000 10
 * </pre>
 */
public final class PeerScaleTiming {

    private PeerScaleTiming() {
    }

    public static void main(String[] args) throws Exception {
        int brokers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int topics = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("peer-scale");
        try (PeerTestServer a = PeerTestServer.start(dir.resolve("a"), 0, c -> c.setRouteSnapshotEnable(false))) {
            fill(a.routes(), brokers, topics, 0);
            try (PeerTestServer b = PeerTestServer.start(dir.resolve("b"), 0, c -> {
                c.setRouteSnapshotEnable(false);
                c.setNamesrvPeers(a.address());
                c.setNamesrvPeerCompareIntervalMillis(1_000);
            })) {
                fill(b.routes(), brokers, topics, 1);
                try (PeerClient client = new PeerClient(new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON))) {
                    System.out.printf("answers read per comparison: 106 directOnly %d bytes, 40001 %d bytes%n",
                        new io.namesrv.protocol.JsonBodies().encode(client.directClusterInfo(a.address())).length,
                        new io.namesrv.protocol.JsonBodies().encode(client.liveness(a.address())).length);
                }
                List<Long> took = new ArrayList<>();
                long last = 0;
                while (took.size() < 15) {
                    JSONObject peer = b.peersStatus().getJSONArray("peers").getJSONObject(0);
                    if (peer.getLongValue("lastCompareAt") != last && peer.getLongValue("lastCompareAt") > 0) {
                        last = peer.getLongValue("lastCompareAt");
                        took.add(peer.getLongValue("lastCompareMillis"));
                    }
                    Thread.sleep(100);
                }
                List<Long> steady = new ArrayList<>(took.subList(5, took.size())); // the first ones warm up
                Collections.sort(steady);
                System.out.printf("comparison of %d brokers (one missing): %s ms; steady median %d ms, max %d ms%n",
                    brokers, took, steady.get(steady.size() / 2), steady.get(steady.size() - 1));
            }
            long start = System.nanoTime();
            try (PeerTestServer c = PeerTestServer.start(dir.resolve("c"), 0, cfg -> {
                cfg.setNamesrvPeers(a.address());
                cfg.setNamesrvPeerBootstrapTimeoutMillis(60_000);
            })) {
                long startMillis = (System.nanoTime() - start) / 1_000_000;
                JSONObject restore = c.peersStatus().getJSONObject("restore");
                System.out.printf("bootstrap from a peer with an empty disk: %s broker(s), %d topics, restore took %s ms"
                    + " (whole start %d ms)%n", restore.get("brokers"), brokers * topics + brokers,
                    restore.get("tookMillis"), startMillis);
            }
        }
        System.exit(0);
    }

    /** {@code brokers} masters of one cluster, {@code topics} topics each (plus their own), from index {@code skip}. */
    private static void fill(RouteInfoManager routes, int brokers, int topics, int skip) {
        for (int i = skip; i < brokers; i++) {
            String name = "scale-broker-" + i;
            Map<String, TopicConfig> table = new LinkedHashMap<>();
            table.put(name, new TopicConfig(name, 1, 1, 7, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
            for (int t = 0; t < topics; t++) {
                String topic = "scale-topic-" + i + "-" + t;
                table.put(topic, new TopicConfig(topic, 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
            }
            routes.registerBroker(BrokerRegistration.builder("ScaleCluster", "10.1." + (i / 250) + "." + (i % 250)
                + ":10911", name, 0).haServerAddr("10.1.0.0:10912").enableActingMaster(false)
                .heartbeatTimeoutMillis(600_000L)
                .topics(TopicConfigSerializeWrapper.of(new DataVersion(0, 1_700_000_000_000L, i), table)).build());
        }
    }
}
