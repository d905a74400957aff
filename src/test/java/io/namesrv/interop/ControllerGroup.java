package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.PeerDirs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.body.BrokerReplicasInfo;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.header.controller.GetMetaDataResponseHeader;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Apache's tools facing one Raft group of controllers (nodes by index): its admin (which finds
 * the leader itself, as operators and brokers do) and its remoting client for requests sent to
 * exactly one node, as a broker that still believes a node leads would send them.
 */
final class ControllerGroup implements AutoCloseable {

    /** Apache's answer of a controller that is not the leader. */
    static final int NOT_LEADER = 2007;
    static final String NOT_LEADER_REMARK = "The controller is not in leader state";
    /** The controller's own bound on a request waiting for Raft (Apache's and ours). */
    static final long REQUEST_BOUND_MILLIS = 5_000;

    private final List<String> controllers;
    private final DefaultMQAdminExt admin;
    private final NettyRemotingClient client;

    ControllerGroup(List<String> controllers, String namesrvAddrs, String instanceName) throws Exception {
        this.controllers = List.copyOf(controllers);
        this.client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        this.admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrvAddrs);
        admin.setInstanceName(instanceName + "-admin");
        admin.start();
    }

    /** Node {@code node}'s settings in a Raft group of embedded controllers (Apache's keys: ours and Apache's alike). */
    static Map<String, String> jRaftNodeConfig(String groupId, int node, List<String> raftAddresses,
                                               List<String> controllers) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("enableControllerInNamesrv", "true");
        config.put("controllerType", "jRaft");
        config.put("jRaftGroupId", groupId);
        config.put("jRaftServerId", raftAddresses.get(node));
        config.put("jRaftInitConf", String.join(",", raftAddresses));
        config.put("jRaftControllerRPCAddr", String.join(",", controllers));
        config.put("controllerStorePath", PeerDirs.create(groupId + "-store-" + node).toString());
        config.put("scanNotActiveBrokerInterval", "2000");
        config.put("scanInactiveMasterInterval", "2000");
        return config;
    }

    /** Two Apache brokers of one group in controller mode, asking these controllers. */
    static List<BrokerProcess> startBrokerPair(String cluster, String group, String namesrvAddrs,
                                               List<String> controllers) {
        Map<String, String> config = new LinkedHashMap<>(ControllerFailoverInterop.BROKER_CONTROLLER_MODE);
        config.put("controllerAddr", String.join(";", controllers));
        List<BrokerProcess> brokers = new ArrayList<>();
        brokers.add(BrokerProcess.start(cluster, group, 0, namesrvAddrs, config));
        brokers.add(BrokerProcess.start(cluster, group, 0, namesrvAddrs, config));
        return brokers;
    }

    /** Waits for a master and a slave of the group in the routes and in the leader's in-sync set; returns the master. */
    String awaitMasterAndSlave(String group, List<Integer> nodes, Duration timeout) {
        BrokerData data = Await.until("a master and a slave of " + group, timeout,
            () -> admin.examineBrokerClusterInfo().getBrokerAddrTable().get(group),
            g -> g != null && g.getBrokerAddrs().size() == 2 && g.getBrokerAddrs().containsKey(0L));
        String master = data.getBrokerAddrs().get(0L);
        int leader = awaitLeaderAmong(nodes, timeout);
        BrokerReplicasInfo.ReplicasInfo info = Await.until("both replicas in sync", timeout,
            () -> replicas(leader, group), i -> i.getInSyncReplicas().size() == 2);
        assertEquals(master, info.getMasterAddress());
        return master;
    }

    DefaultMQAdminExt admin() {
        return admin;
    }

    String controller(int node) {
        return controllers.get(node);
    }

    /** The index of the node that leads, once one of {@code candidates} says it does (mqadmin getControllerMetaData). */
    int awaitLeaderAmong(List<Integer> candidates, Duration timeout) {
        return Await.until("a controller leader among " + candidates, timeout, () -> {
            for (int i : candidates) {
                if (Boolean.TRUE.equals(metadata(i).isLeader())) {
                    return i;
                }
            }
            return -1;
        }, i -> i >= 0);
    }

    GetMetaDataResponseHeader metadata(int node) throws Exception {
        return admin.getControllerMetaData(controllers.get(node));
    }

    BrokerReplicasInfo.ReplicasInfo replicas(int node, String brokerName) throws Exception {
        return admin.getInSyncStateData(controllers.get(node), List.of(brokerName)).getReplicasInfoTable().get(brokerName);
    }

    /** CONTROLLER_APPLY_BROKER_ID for a new group, sent to exactly this node: a write through Raft. */
    RemotingCommand applyBrokerId(int node, String cluster, String brokerName) throws Exception {
        return raw(node, 1013, Map.of("clusterName", cluster, "brokerName", brokerName, "appliedBrokerId", "1",
            "registerCheckCode", "127.0.0.1:1;" + System.currentTimeMillis()));
    }

    /** CONTROLLER_ELECT_MASTER naming {@code brokerId}, as an operator's designated election, to exactly this node. */
    RemotingCommand electMaster(int node, String cluster, String brokerName, long brokerId) throws Exception {
        return raw(node, 1002, Map.of("clusterName", cluster, "brokerName", brokerName, "brokerId",
            Long.toString(brokerId), "designateElect", "true", "invokeTime", Long.toString(System.currentTimeMillis())));
    }

    /** CONTROLLER_GET_REPLICA_INFO sent to exactly this node: a read that needs the leader. */
    RemotingCommand replicaInfo(int node, String brokerName) throws Exception {
        return raw(node, 1004, Map.of("brokerName", brokerName));
    }

    /** A request of {@code code} sent to exactly this node. */
    RemotingCommand raw(int node, int code, Map<String, String> fields) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
        fields.forEach(request::addExtField);
        return client.invokeSync(controllers.get(node), request, REQUEST_BOUND_MILLIS * 2);
    }

    static void assertNotLeaderAnswer(RemotingCommand answer) {
        assertEquals(NOT_LEADER, answer.getCode(), answer.getRemark());
        assertEquals(NOT_LEADER_REMARK, answer.getRemark());
    }

    /** Starts sampling which broker each name server's routes name master of {@code brokerName}. */
    MasterSampler sampleMasters(List<String> namesrvAddrs, String brokerName) {
        return new MasterSampler(namesrvAddrs, brokerName);
    }

    /**
     * Stops a fault test's cluster in order, each step even if the one before failed: the admin
     * client of {@code group} (may be null), then the brokers (killed), then the name servers.
     */
    static void stopAll(ControllerGroup group, List<BrokerProcess> brokers, List<NameServerProcess> nodes) {
        try {
            if (group != null) {
                group.close();
            }
        } finally {
            try {
                brokers.forEach(BrokerProcess::kill);
            } finally {
                nodes.forEach(NameServerProcess::close);
            }
        }
    }

    @Override
    public void close() {
        try {
            admin.shutdown();
        } finally {
            client.shutdown();
        }
    }

    /**
     * Every 200 ms, each name server's routes as Apache's client reads them (GET_BROKER_CLUSTER_INFO):
     * collects every address any of them named master (id 0) of the group.
     */
    final class MasterSampler {
        private final List<String> namesrvAddrs;
        private final String brokerName;
        private final Set<String> masters = ConcurrentHashMap.newKeySet();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "master-sampler"));

        private MasterSampler(List<String> namesrvAddrs, String brokerName) {
            this.namesrvAddrs = List.copyOf(namesrvAddrs);
            this.brokerName = brokerName;
            timer.scheduleWithFixedDelay(this::sample, 0, 200, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            for (String namesrv : namesrvAddrs) {
                try {
                    RemotingCommand answer = client.invokeSync(namesrv, RemotingCommand.createRequestCommand(106, null),
                        3_000);
                    BrokerData group = ClusterInfo.decode(answer.getBody(), ClusterInfo.class).getBrokerAddrTable()
                        .get(brokerName);
                    if (group != null && group.getBrokerAddrs().containsKey(0L)) {
                        masters.add(group.getBrokerAddrs().get(0L));
                    }
                } catch (RemotingException | InterruptedException | RuntimeException e) {
                    // a sample missed on a loaded machine proves nothing either way
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /** Stops sampling; returns every master seen (at least one sample must have got through). */
        Set<String> stop() throws InterruptedException {
            timer.shutdownNow();
            assertTrue(timer.awaitTermination(10, TimeUnit.SECONDS));
            assertNotEquals(Set.of(), masters, "the sampler saw the routes");
            return Set.copyOf(masters);
        }
    }
}
