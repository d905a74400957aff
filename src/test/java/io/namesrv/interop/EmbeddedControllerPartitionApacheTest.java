package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.raftfaults.RaftFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.body.BrokerReplicasInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cut-off scenarios of {@link EmbeddedControllerFaultsTest} against Apache 5.3.3's own
 * embedded controller on sofa-jraft ({@code controllerType=jRaft}, three name servers), cut off
 * the same way, as the reference: only what Apache shows over the wire is checked (it has no
 * status page), and the figures are printed next to ours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedControllerPartitionApacheTest {

    private static final String CLUSTER = "ApacheFaultCluster";
    private static final String GROUP = "apache-fault-broker";
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration NEW_LEADER = Duration.ofSeconds(30);

    private final RaftFaults faults = new RaftFaults();
    private final List<NameServerProcess> nodes = new ArrayList<>();
    private final List<String> raftAddresses = new ArrayList<>();
    private final List<String> controllers = new ArrayList<>();
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private ControllerGroup controllerGroup;
    private String master;

    @BeforeAll
    void startCluster() throws Exception {
        for (int i = 0; i < 3; i++) {
            raftAddresses.add("127.0.0.1:" + FreePorts.single());
            controllers.add("127.0.0.1:" + FreePorts.single());
        }
        for (int i = 0; i < 3; i++) {
            Map<String, String> config = ControllerGroup.jRaftNodeConfig("apache-faults-test", i, raftAddresses,
                controllers);
            nodes.add(NameServerProcess.apache(config, faults.jvmOptions(raftAddresses.get(i)),
                List.of(faults.servicesDir())));
        }
        for (NameServerProcess node : nodes) {
            node.waitForLine(ControllerFailoverInteropTest.CONTROLLER_BOOT, SETTLE);
        }
        String namesrvAddrs = nodes.stream().map(NameServerProcess::address).collect(Collectors.joining(";"));
        controllerGroup = new ControllerGroup(controllers, namesrvAddrs, getClass().getSimpleName());
        controllerGroup.awaitLeaderAmong(List.of(0, 1, 2), NEW_LEADER);
        brokers.addAll(ControllerGroup.startBrokerPair(CLUSTER, GROUP, namesrvAddrs, controllers));
    }

    @AfterAll
    void stopAll() {
        ControllerGroup.stopAll(controllerGroup, brokers, nodes);
    }

    @Test
    @Order(1)
    void theBrokersGetAMasterFromTheRaftGroup() throws Exception {
        master = controllerGroup.awaitMasterAndSlave(GROUP, List.of(0, 1, 2), SETTLE);
    }

    @Test
    @Order(2)
    void aFollowerCutOff() throws Exception {
        int leader = controllerGroup.awaitLeaderAmong(List.of(0, 1, 2), NEW_LEADER);
        int follower = Stream.of(0, 1, 2).filter(i -> i != leader).findFirst().orElseThrow();
        long cutAt = System.nanoTime();
        faults.isolate(raftAddresses.get(follower));
        Await.until("the cut-off follower to lose its leader", NEW_LEADER, () -> controllerGroup.metadata(follower),
            m -> m.getControllerLeaderAddress() == null || m.getControllerLeaderAddress().isEmpty());
        report("follower cut off: it knows no leader after %d ms", millisSince(cutAt));
        long proposedAt = System.nanoTime();
        RemotingCommand applied = controllerGroup.applyBrokerId(leader, CLUSTER, "apache-cut-follower-group");
        assertEquals(0, applied.getCode(), applied.getRemark());
        report("a change through the leader while a follower is cut off: committed in %d ms", millisSince(proposedAt));
        RemotingCommand refused = controllerGroup.replicaInfo(follower, GROUP);
        report("the cut-off follower answered GET_REPLICA_INFO with %d (%s)", refused.getCode(), refused.getRemark());
        ControllerGroup.assertNotLeaderAnswer(refused);

        long healedAt = System.nanoTime();
        faults.heal();
        Await.until("the healed follower to follow the leader", SETTLE, () -> controllerGroup.metadata(follower),
            m -> controllers.get(leader).equals(m.getControllerLeaderAddress()));
        report("follower healed: follows the leader again after %d ms", millisSince(healedAt));
        assertEquals(leader, controllerGroup.awaitLeaderAmong(List.of(0, 1, 2), NEW_LEADER));
    }

    @Test
    @Order(3)
    void aLeaderCutOff() throws Exception {
        int leader = controllerGroup.awaitLeaderAmong(List.of(0, 1, 2), NEW_LEADER);
        List<Integer> majority = Stream.of(0, 1, 2).filter(i -> i != leader).toList();
        BrokerReplicasInfo.ReplicasInfo before = Await.until("both replicas in sync", SETTLE,
            () -> controllerGroup.replicas(leader, GROUP), i -> i.getInSyncReplicas().size() == 2);
        long slaveId = before.getInSyncReplicas().stream().filter(r -> !r.getBrokerAddress().equals(master))
            .findFirst().orElseThrow().getBrokerId();
        ControllerGroup.MasterSampler sampler = controllerGroup.sampleMasters(
            nodes.stream().map(NameServerProcess::address).toList(), GROUP);

        long cutAt = System.nanoTime();
        faults.isolate(raftAddresses.get(leader));
        FutureTask<RemotingCommand> elect = new FutureTask<>(() -> controllerGroup.electMaster(leader, CLUSTER, GROUP,
            slaveId));
        new Thread(elect, "elect-on-the-cut-off-leader").start();
        int newLeader = controllerGroup.awaitLeaderAmong(majority, NEW_LEADER);
        report("leader cut off: the majority elected node %d after %d ms", newLeader, millisSince(cutAt));
        Await.until("the cut-off node to stop leading", NEW_LEADER, () -> controllerGroup.metadata(leader),
            m -> !Boolean.TRUE.equals(m.isLeader()));
        report("leader cut off: it stopped leading after %d ms", millisSince(cutAt));
        RemotingCommand electAnswer = elect.get(ControllerGroup.REQUEST_BOUND_MILLIS * 3, TimeUnit.MILLISECONDS);
        report("the election asked of the cut-off leader: answered %d (%s) after %d ms", electAnswer.getCode(),
            electAnswer.getRemark(), millisSince(cutAt));
        assertNotEquals(0, electAnswer.getCode(), "an election the cut-off leader could not commit is not a success");
        RemotingCommand read = controllerGroup.replicaInfo(leader, GROUP);
        report("the cut-off old leader answered GET_REPLICA_INFO with %d (%s)", read.getCode(), read.getRemark());
        ControllerGroup.assertNotLeaderAnswer(read);
        RemotingCommand applied = controllerGroup.applyBrokerId(newLeader, CLUSTER, "apache-cut-leader-group");
        assertEquals(0, applied.getCode(), applied.getRemark());

        long healedAt = System.nanoTime();
        faults.heal();
        Await.until("the healed node to follow the new leader", SETTLE, () -> controllerGroup.metadata(leader),
            m -> controllers.get(newLeader).equals(m.getControllerLeaderAddress()));
        report("old leader healed: follows the new leader after %d ms", millisSince(healedAt));
        BrokerReplicasInfo.ReplicasInfo after = controllerGroup.replicas(newLeader, GROUP);
        assertEquals(master, after.getMasterAddress(), "the election asked of the cut-off node is nowhere");
        assertEquals(before.getMasterEpoch(), after.getMasterEpoch());
        assertEquals(Set.of(master), sampler.stop(), "the routes only ever named one master");
        assertFalse(Boolean.TRUE.equals(controllerGroup.metadata(leader).isLeader()));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private void report(String format, Object... args) {
        System.out.printf(getClass().getSimpleName() + ": " + format + "%n", args);
    }
}
