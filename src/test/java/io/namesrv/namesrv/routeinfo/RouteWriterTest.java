package io.namesrv.namesrv.routeinfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicQueueMappingInfo;
import io.namesrv.protocol.TopicRouteData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A route written from its parts is, byte for byte, what fastjson writes for the same
 * {@code TopicRouteData}, in both forms: over randomized routes with names that need escaping,
 * several replicas, zones or none, acting-master forms, order-topic configs, static-topic
 * mappings, and groups missing from the table.
 */
class RouteWriterTest {

    private static final String[] NAMES = {"broker-a", "b", "broker_\"quoted\"", "bröker-ü", "中文-broker", "a<b>&c",
        "tab\there", "x/y\\z", "emoji-\uD83D\uDE00"};
    private final JsonBodies json = new JsonBodies();

    @Test
    void writesWhatFastjsonWritesForRandomRoutes() {
        SplittableRandom random = new SplittableRandom(20261207);
        for (int round = 0; round < 3000; round++) {
            Map<String, BrokerGroup> groups = new TreeMap<>();
            int groupCount = 1 + random.nextInt(5);
            while (groups.size() < groupCount) {
                String name = NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? "" : "-" + random.nextInt(100));
                BrokerGroup g = new BrokerGroup(random.nextBoolean() ? "DefaultCluster" : "c\"1", name);
                int replicas = random.nextInt(4);
                for (int r = 0; r < replicas; r++) {
                    g.putAddr(random.nextInt(4), "10.0." + random.nextInt(256) + "." + random.nextInt(256) + ":10911");
                }
                g.setEnableActingMaster(random.nextBoolean());
                g.setZoneName(random.nextInt(3) == 0 ? null : random.nextBoolean() ? "zone-1" : "zöne\"2");
                g.publishIfChanged();
                groups.put(name, g);
            }
            TopicTable table = new TopicTable();
            String topic = "T" + round;
            for (BrokerGroup g : groups.values()) {
                table.put(topic, new QueueData(g.brokerName(), random.nextInt(8), random.nextInt(64), random.nextInt(4),
                    random.nextInt(64)));
            }
            if (random.nextInt(4) == 0) {
                for (BrokerGroup g : groups.values()) {
                    if (random.nextBoolean()) {
                        Map<Integer, Integer> ids = new HashMap<>();
                        for (int i = 0; i < random.nextInt(4); i++) {
                            ids.put(random.nextInt(16), random.nextInt(16));
                        }
                        table.putMapping(topic, g.brokerName(), new TopicQueueMappingInfo(g.brokerName(), ids,
                            random.nextBoolean(), random.nextLong(), "scope", topic, random.nextInt(32)));
                    }
                }
            }
            TopicRoute route = table.route(topic);
            boolean[] known = new boolean[route.size()];
            boolean[] acting = new boolean[route.size()];
            for (int i = 0; i < route.size(); i++) {
                known[i] = random.nextInt(8) != 0;
                acting[i] = groups.get(route.slot(i).brokerName()).view().acting() != null && random.nextBoolean();
            }
            String conf = random.nextInt(3) == 0 ? null : random.nextBoolean() ? "broker-a:4;b:8" : "q\"uo<te>ü\n";
            for (boolean standard : new boolean[] {false, true}) {
                byte[][] parts = new byte[route.size()][];
                List<BrokerData> brokerDatas = new ArrayList<>();
                List<QueueData> queueDatas = new ArrayList<>();
                for (int i = 0; i < route.size(); i++) {
                    queueDatas.add(route.slot(i).data());
                    if (known[i]) {
                        GroupView view = groups.get(route.slot(i).brokerName()).view();
                        parts[i] = view.json(json, standard, acting[i]);
                        brokerDatas.add(acting[i] ? view.acting() : view.data());
                    }
                }
                TopicMappings mappings = table.mappings(topic);
                byte[] confJson = conf == null ? null : standard ? json.encodeStandard(conf) : json.encode(conf);
                byte[] written = RouteFixtures.bytes(RouteWriter.write(json, standard, route, parts, confJson, mappings));
                if (brokerDatas.isEmpty()) {
                    assertNull(written);
                    continue;
                }
                TopicRouteData expected = new TopicRouteData(brokerDatas, new HashMap<>(), conf, queueDatas,
                    mappings == null ? null : new HashMap<>(mappings.byBroker()));
                byte[] encoded = standard ? json.encodeStandard(expected) : json.encode(expected);
                assertArrayEquals(encoded, written, () -> "round " + topic + ", standard " + standard + "\nexpected "
                    + new String(encoded, StandardCharsets.UTF_8) + "\nwritten  " + new String(written, StandardCharsets.UTF_8));
            }
        }
    }
}
