package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.PeerDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.body.BrokerReplicasInfo;
import org.apache.rocketmq.remoting.protocol.header.controller.GetMetaDataResponseHeader;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three of our name servers whose embedded controllers form one Raft group, with two Apache
 * 5.3.3 brokers in controller mode: killing the Raft leader (SIGKILL) gives a new leader and the
 * brokers keep working; the killed node restarts and catches up from its snapshot and the log
 * (including a group that came to be while it was down);
 * with two of three nodes gone the last one cannot elect a leader nor answer for the controller,
 * while its name server keeps serving routes. The tests run in order on the shared processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedControllerClusterTest {

    private static final String CLUSTER = "RaftCluster";
    private static final String GROUP = "raft-broker";
    private static final String TOPIC = "RaftTopic";
    /** A group that only comes to be while one node is down. */
    private static final String MISSED_GROUP = "raft-missed-broker";
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** Election timeout 1 s; room for a loaded machine. */
    private static final Duration NEW_LEADER = Duration.ofSeconds(30);

    private final List<NameServerProcess> nodes = new ArrayList<>();
    private final List<String> controllers = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private final List<Path> stores = new ArrayList<>();
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private DefaultMQAdminExt admin;
    private int killedLeader = -1;

    @BeforeAll
    void startCluster() throws Exception {
        List<Integer> raftPorts = List.of(FreePorts.single(), FreePorts.single(), FreePorts.single());
        for (int i = 0; i < 3; i++) {
            int controllerPort = FreePorts.single();
            controllers.add("127.0.0.1:" + controllerPort);
            httpPorts.add(FreePorts.single());
            stores.add(PeerDirs.create("raft-store-" + i));
        }
        String initConf = raftPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        for (int i = 0; i < 3; i++) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("enableControllerInNamesrv", "true");
            config.put("controllerType", "jRaft");
            config.put("jRaftGroupId", "cluster-test");
            config.put("jRaftServerId", "127.0.0.1:" + raftPorts.get(i));
            config.put("jRaftInitConf", initConf);
            config.put("jRaftControllerRPCAddr", String.join(",", controllers));
            config.put("jRaftSnapshotIntervalSecs", "2");
            config.put("controllerStorePath", stores.get(i).toString());
            config.put("scanNotActiveBrokerInterval", "2000");
            config.put("scanInactiveMasterInterval", "2000");
            config.put("httpListenPort", Integer.toString(httpPorts.get(i)));
            nodes.add(NameServerProcess.ours(config));
        }
        for (NameServerProcess node : nodes) {
            node.waitForLine(ControllerFailoverInteropTest.CONTROLLER_BOOT, SETTLE);
        }
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrvAddrs(nodes));
        admin.setInstanceName(getClass().getSimpleName() + "-admin");
        admin.start();
        awaitLeaderAmong(List.of(0, 1, 2));
        Map<String, String> brokerConfig = new LinkedHashMap<>(ControllerFailoverInterop.BROKER_CONTROLLER_MODE);
        brokerConfig.put("controllerAddr", String.join(";", controllers));
        brokers.add(BrokerProcess.start(CLUSTER, GROUP, 0, namesrvAddrs(nodes), brokerConfig));
        brokers.add(BrokerProcess.start(CLUSTER, GROUP, 0, namesrvAddrs(nodes), brokerConfig));
    }

    @AfterAll
    void stopAll() {
        try {
            if (admin != null) {
                admin.shutdown();
            }
        } finally {
            try {
                brokers.forEach(BrokerProcess::kill);
            } finally {
                nodes.forEach(NameServerProcess::close);
            }
        }
    }

    private static String namesrvAddrs(List<NameServerProcess> servers) {
        return servers.stream().map(NameServerProcess::address).collect(Collectors.joining(";"));
    }

    /** The index of the node that leads, once one of {@code candidates} says it does. */
    private int awaitLeaderAmong(List<Integer> candidates) {
        return Await.until("a controller leader among " + candidates, NEW_LEADER, () -> {
            for (int i : candidates) {
                GetMetaDataResponseHeader meta = admin.getControllerMetaData(controllers.get(i));
                if (Boolean.TRUE.equals(meta.isLeader())) {
                    return i;
                }
            }
            return -1;
        }, i -> i >= 0);
    }

    private JSONObject status(int node) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts.get(node)
            + "/controller")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return JSON.parseObject(r.body());
    }

    private BrokerReplicasInfo.ReplicasInfo replicas(int node) throws Exception {
        return admin.getInSyncStateData(controllers.get(node), List.of(GROUP)).getReplicasInfoTable().get(GROUP);
    }

    @Test
    @Order(1)
    void theBrokersGetAMasterFromTheRaftGroup() throws Exception {
        BrokerData group = Await.until("a master and a slave of " + GROUP, SETTLE,
            () -> admin.examineBrokerClusterInfo().getBrokerAddrTable().get(GROUP),
            g -> g != null && g.getBrokerAddrs().size() == 2 && g.getBrokerAddrs().containsKey(0L));
        int leader = awaitLeaderAmong(List.of(0, 1, 2));
        assertEquals(group.getBrokerAddrs().get(0L), replicas(leader).getMasterAddress());
        for (int i = 0; i < 3; i++) {
            if (i != leader) {
                int node = i;
                // Apache's admin asks the leader on its own; a raw request shows what the follower answers
                assertEquals(2007, rawReplicaInfo(node).getCode(), "a follower answers NOT_LEADER");
                GetMetaDataResponseHeader meta = admin.getControllerMetaData(controllers.get(i));
                assertEquals(controllers.get(leader), meta.getControllerLeaderAddress());
            }
        }
        admin.createAndUpdateTopicConfig(group.getBrokerAddrs().get(0L), new TopicConfig(TOPIC, 4, 4));
        Await.until("both replicas in sync", SETTLE, () -> replicas(leader), i -> i.getInSyncReplicas().size() == 2);
        // every node applied the same state: the group with its master on all three
        for (int i = 0; i < 3; i++) {
            int node = i;
            Await.until("node " + i + " applied the group", SETTLE, () -> status(node),
                s -> s.getJSONArray("groups").toString().contains(group.getBrokerAddrs().get(0L)));
        }
        // each node's status console shows its role and the group's master in a section of its own
        String master = group.getBrokerAddrs().get(0L);
        Await.until("the console sections to show one leader and the master", SETTLE, () -> {
            List<String> roles = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                JSONObject section = consoleSection(i);
                assertTrue(section.getJSONArray("rows").toString().contains(master), section.toString());
                roles.add(section.getJSONArray("fields").getJSONObject(0).getString("value"));
            }
            return roles;
        }, roles -> roles.stream().filter("leader"::equals).count() == 1
            && roles.stream().filter("follower"::equals).count() == 2);
        // and /metrics: the leader's role and address, a term, the group's master and its in-sync set
        String groupLabels = "{cluster=\"" + CLUSTER + "\",broker=\"" + GROUP + "\"";
        long masterId = replicas(leader).getMasterBrokerId();
        Await.until("the leader's /metrics to show the controller", SETTLE, () -> metrics(leader),
            m -> m.contains("namesrv_controller_role{role=\"leader\"} 1\n")
                && m.contains("namesrv_controller_leader{leader=\"" + controllers.get(leader) + "\"} 1\n")
                && Pattern.compile("namesrv_controller_term [1-9]\\d*\n").matcher(m).find()
                && m.contains("namesrv_controller_group_master" + groupLabels + ",address=\"" + master + "\"} "
                    + masterId + "\n")
                && m.contains("namesrv_controller_group_in_sync_replicas" + groupLabels + "} 2\n"));
        int follower = Stream.of(0, 1, 2).filter(i -> i != leader).findFirst().orElseThrow();
        Await.until("a follower's /metrics to say so", SETTLE, () -> metrics(follower),
            m -> m.contains("namesrv_controller_role{role=\"follower\"} 1\n")
                && m.contains("namesrv_controller_leader{leader=\"" + controllers.get(leader) + "\"} 1\n"));
    }

    private String metrics(int node) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts.get(node) + "/metrics"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    /** The embedded controller's section of a node's status console. */
    private JSONObject consoleSection(int node) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts.get(node)
            + "/status?limit=0")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JSONArray sections = JSON.parseObject(r.body()).getJSONArray("sections");
        List<JSONObject> controller = sections.stream().map(o -> (JSONObject) o)
            .filter(o -> "Embedded controller".equals(o.getString("title"))).toList();
        assertEquals(1, controller.size(), r.body());
        return controller.get(0);
    }

    @Test
    @Order(2)
    void killingTheRaftLeaderElectsAnotherAndBrokersKeepWorking() throws Exception {
        int leader = awaitLeaderAmong(List.of(0, 1, 2));
        // a snapshot must exist so that the restart below loads one
        Await.until("a snapshot on node " + leader, SETTLE, () -> hasSnapshot(stores.get(leader)), Boolean::booleanValue);
        String master = replicas(leader).getMasterAddress();
        nodes.get(leader).kill();
        killedLeader = leader;
        List<Integer> survivors = Stream.of(0, 1, 2).filter(i -> i != leader).toList();
        admin.setNamesrvAddr(namesrvAddrs(survivors.stream().map(nodes::get).toList()));
        int newLeader = awaitLeaderAmong(survivors);
        assertNotEquals(leader, newLeader);
        BrokerReplicasInfo.ReplicasInfo info = Await.until("both brokers alive for the new leader", SETTLE,
            () -> replicas(newLeader), i -> i.getInSyncReplicas().size() == 2 && i.getInSyncReplicas().stream().allMatch(r -> Boolean.TRUE.equals(r.getAlive())));
        assertEquals(master, info.getMasterAddress(), "no broker failover for a controller failover");

        DefaultMQProducer producer = new DefaultMQProducer("raft-producer");
        producer.setNamesrvAddr(namesrvAddrs(survivors.stream().map(nodes::get).toList()));
        producer.setInstanceName(getClass().getSimpleName() + "-producer");
        // a loaded CI machine can take seconds for a first send; the point is that sends succeed
        producer.setSendMsgTimeout(15_000);
        producer.start();
        try {
            for (int i = 0; i < 5; i++) {
                Message message = new Message(TOPIC, ("raft-" + i).getBytes(StandardCharsets.UTF_8));
                assertEquals(SendStatus.SEND_OK, producer.send(message).getSendStatus());
            }
        } finally {
            producer.shutdown();
        }
    }

    @Test
    @Order(3)
    void theKilledNodeRestartsAndCatchesUpFromSnapshotAndLog() throws Exception {
        assertTrue(killedLeader >= 0);
        int node = killedLeader;
        int leader = awaitLeaderAmong(Stream.of(0, 1, 2).filter(i -> i != node).toList());
        // a change the node missed while it was down: a new group, which only the others' log has
        RemotingCommand applied = raw(leader, 1013, Map.of("clusterName", CLUSTER, "brokerName", MISSED_GROUP,
            "appliedBrokerId", "1", "registerCheckCode", "127.0.0.1:1;" + System.currentTimeMillis()));
        assertEquals(0, applied.getCode(), applied.getRemark());
        nodes.set(node, nodes.get(node).restart());
        nodes.get(node).waitForLine(ControllerFailoverInteropTest.CONTROLLER_BOOT, SETTLE);
        // its own snapshot and log may already hold everything: it has caught up once it also
        // follows the leader (which it learns from the leader's first heartbeat) with the same state
        JSONObject caughtUp = Await.until("node " + node + " following and caught up with the leader", SETTLE,
            () -> status(node), s -> {
                try {
                    JSONObject l = status(leader);
                    return "follower".equals(s.getString("role"))
                        && s.getLongValue("appliedIndex") >= l.getLongValue("appliedIndex")
                        && s.getJSONArray("groups").equals(l.getJSONArray("groups"));
                } catch (Exception e) {
                    return false;
                }
            });
        assertTrue(caughtUp.getLongValue("snapshotsLoaded") >= 1, "started from its snapshot: " + caughtUp);
        assertTrue(caughtUp.getJSONArray("groups").toString().contains(MISSED_GROUP),
            "the change made while it was down reached it: " + caughtUp);
        assertEquals("follower", caughtUp.getString("role"));
        assertEquals(controllers.get(leader), caughtUp.getString("leader"));
    }

    @Test
    @Order(4)
    void aMinorityCannotElectALeader() throws Exception {
        int leader = awaitLeaderAmong(List.of(0, 1, 2));
        int other = Stream.of(0, 1, 2).filter(i -> i != leader).findFirst().orElseThrow();
        int lonely = 3 - leader - other;
        nodes.get(leader).kill();
        nodes.get(other).kill();
        admin.setNamesrvAddr(nodes.get(lonely).address());
        // several election timeouts: the lone node campaigns but can never win a majority
        for (int round = 0; round < 10; round++) {
            Thread.sleep(500);
            GetMetaDataResponseHeader meta = admin.getControllerMetaData(controllers.get(lonely));
            assertFalse(Boolean.TRUE.equals(meta.isLeader()), "a lone node must not lead");
        }
        Await.until("the lone node knows no leader", SETTLE, () -> status(lonely),
            s -> "none".equals(s.getString("role")));
        assertNull(admin.getControllerMetaData(controllers.get(lonely)).getControllerLeaderAddress());
        RemotingCommand refused = rawReplicaInfo(lonely);
        assertEquals(2007, refused.getCode());
        assertEquals("The controller is not in leader state", refused.getRemark());
        // the name server itself keeps serving the routes it has (Apache's admin client may take a
        // moment to leave the killed name servers it was connected to for the one left)
        Await.until("the lone name server to answer with the group's master", SETTLE,
            () -> admin.examineBrokerClusterInfo().getBrokerAddrTable().get(GROUP),
            group -> group != null && group.getBrokerAddrs().containsKey(0L));
    }

    /** CONTROLLER_GET_REPLICA_INFO sent to exactly this node (Apache's admin would redirect it to the leader). */
    private RemotingCommand rawReplicaInfo(int node) throws Exception {
        return raw(node, 1004, Map.of("brokerName", GROUP));
    }

    /** A request of {@code code} with these header fields, sent with Apache's client to exactly this node. */
    private RemotingCommand raw(int node, int code, Map<String, String> fields) throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
            fields.forEach(request::addExtField);
            return client.invokeSync(controllers.get(node), request, 10_000);
        } finally {
            client.shutdown();
        }
    }

    private static boolean hasSnapshot(Path store) throws Exception {
        Path dir = store.resolve("snapshot");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("snapshot_")
                && Files.exists(p.resolve("controller-state.json")));
        }
    }
}
