package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.cli.support.ApacheMqAdmin;
import io.namesrv.cli.support.OurMqAdmin;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.PeerDirs;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.body.BrokerReplicasInfo;
import org.apache.rocketmq.tools.command.broker.GetBrokerEpochSubCommand;
import org.apache.rocketmq.tools.command.controller.CleanControllerBrokerMetaSubCommand;
import org.apache.rocketmq.tools.command.controller.GetControllerConfigSubCommand;
import org.apache.rocketmq.tools.command.controller.GetControllerMetaDataSubCommand;
import org.apache.rocketmq.tools.command.controller.ReElectMasterSubCommand;
import org.apache.rocketmq.tools.command.controller.UpdateControllerConfigSubCommand;
import org.apache.rocketmq.tools.command.ha.GetSyncStateSetSubCommand;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** {@link ControllerFailoverInterop} against our name server with its embedded controller (sofa-jraft, one node). */
class ControllerFailoverInteropTest extends ControllerFailoverInterop {

    static final Pattern CONTROLLER_BOOT = Pattern.compile("The ControllerManager boot success");

    private NameServerProcess namesrv;

    @Override
    protected String[] startNameServerWithController() {
        int controllerPort = FreePorts.single();
        int raftPort = FreePorts.single();
        namesrv = NameServerProcess.ours(Map.of(
            "enableControllerInNamesrv", "true",
            "controllerType", "jRaft",
            "jRaftGroupId", "failover",
            "jRaftServerId", "127.0.0.1:" + raftPort,
            "jRaftInitConf", "127.0.0.1:" + raftPort,
            "jRaftControllerRPCAddr", "127.0.0.1:" + controllerPort,
            "controllerStorePath", PeerDirs.create("our-controller-store").toString(),
            "scanNotActiveBrokerInterval", "2000",
            "scanInactiveMasterInterval", "2000"));
        namesrv.waitForLine(CONTROLLER_BOOT, Duration.ofSeconds(30));
        return new String[] {namesrv.address(), "127.0.0.1:" + controllerPort};
    }

    /**
     * Apache 5.3.3's mqadmin controller commands (its SubCommand classes, in this JVM) and ours,
     * against the same controller, brokers and name server: the printed text must be the same.
     */
    @Test
    @Order(15)
    void apachesControllerCommandsPrintWhatOursPrint() throws Exception {
        String a = controllerAddr();
        Await.until("both replicas in sync", Duration.ofSeconds(60), this::replicas, i -> i.getInSyncReplicas().size() == 2);
        same(new GetControllerMetaDataSubCommand(), "getControllerMetaData", "-a", a);
        same(new GetSyncStateSetSubCommand(), "getSyncStateSet", "-a", a, "-b", GROUP);
        same(new GetSyncStateSetSubCommand(), "getSyncStateSet", "-a", a, "-c", CLUSTER);
        same(new GetBrokerEpochSubCommand(), "getBrokerEpoch", "-b", GROUP);
        same(new GetBrokerEpochSubCommand(), "getBrokerEpoch", "-c", CLUSTER);
        same(new GetControllerConfigSubCommand(), "getControllerConfig", "-a", a);
        same(new UpdateControllerConfigSubCommand(), "updateControllerConfig", "-a", a, "-k", "notifyBrokerRoleChanged",
            "-v", "true");

        // a group only the controller knows, cleaned by Apache's command, then again by ours
        for (int round = 0; round < 2; round++) {
            applyBrokerId("ghost-broker", 1);
            String[] args = {"-a", a, "-bn", "ghost-broker", "-c", CLUSTER};
            String printed = round == 0 ? ApacheMqAdmin.run(new CleanControllerBrokerMetaSubCommand(), namesrvAddr(), args)
                : ours("cleanBrokerMetadata", args);
            assertEquals("clear broker ghost-broker metadata from controller success! " + System.lineSeparator(), printed);
        }

        // electing the master again: Apache's command throws (2011), ours says so in one line and exits 1
        String master = replicas().getMasterAddress();
        long masterId = replicas().getMasterBrokerId();
        String[] elect = {"-a", a, "-b", Long.toString(masterId), "-bn", GROUP, "-c", CLUSTER};
        assertThrows(Exception.class, () -> ApacheMqAdmin.run(new ReElectMasterSubCommand(), namesrvAddr(), elect));
        OurMqAdmin.Result refused = OurMqAdmin.run(withCommand("electMaster", elect));
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("(2011): The old master " + masterId + " is still alive"), refused.err());
        assertEquals(master, replicas().getMasterAddress());
    }

    /** The master moves to the other broker with Apache's electMaster, and back with ours: same text but the values. */
    @Test
    @Order(55)
    void electMasterPrintsWhatApachesPrints() throws Exception {
        Await.until("both replicas in sync", Duration.ofSeconds(60), this::replicas, i -> i.getInSyncReplicas().size() == 2);
        BrokerReplicasInfo.ReplicasInfo before = replicas();
        long other = before.getInSyncReplicas().stream().map(r -> r.getBrokerId())
            .filter(id -> id != before.getMasterBrokerId()).findFirst().orElseThrow();
        String apache = ApacheMqAdmin.run(new ReElectMasterSubCommand(), namesrvAddr(),
            "-a", controllerAddr(), "-b", Long.toString(other), "-bn", GROUP, "-c", CLUSTER);
        BrokerReplicasInfo.ReplicasInfo moved = replicas();
        assertEquals(other, moved.getMasterBrokerId());
        String nl = System.lineSeparator();
        assertEquals(nl + "#ClusterName\t" + CLUSTER + nl + "#BrokerName\t" + GROUP + nl + "#BrokerMasterAddr\t"
            + moved.getMasterAddress() + nl + "#MasterEpoch\t" + moved.getMasterEpoch() + nl + "#SyncStateSetEpoch\t"
            + moved.getSyncStateSetEpoch() + nl, apache);

        Await.until("both replicas in sync again", Duration.ofSeconds(60), this::replicas,
            i -> i.getInSyncReplicas().size() == 2);
        String ours = ours("electMaster", "-a", controllerAddr(), "-b", Long.toString(before.getMasterBrokerId()),
            "-bn", GROUP, "-c", CLUSTER);
        BrokerReplicasInfo.ReplicasInfo back = replicas();
        assertEquals(before.getMasterBrokerId(), back.getMasterBrokerId());
        assertEquals(nl + "#ClusterName\t" + CLUSTER + nl + "#BrokerName\t" + GROUP + nl + "#BrokerMasterAddr\t"
            + back.getMasterAddress() + nl + "#MasterEpoch\t" + back.getMasterEpoch() + nl + "#SyncStateSetEpoch\t"
            + back.getSyncStateSetEpoch() + nl, ours);
    }

    private void same(org.apache.rocketmq.tools.command.SubCommand apacheCommand, String command, String... args)
        throws Exception {
        String expected = ApacheMqAdmin.run(apacheCommand, namesrvAddr(), args);
        assertEquals(expected, ours(command, args), command + " " + String.join(" ", args));
    }

    private String ours(String command, String... args) {
        OurMqAdmin.Result r = OurMqAdmin.run(withCommand(command, args));
        assertEquals(0, r.exitCode(), () -> command + " failed: " + r.err());
        return r.out();
    }

    private String[] withCommand(String command, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = command;
        all[1] = "-n";
        all[2] = namesrvAddr();
        System.arraycopy(args, 0, all, 3, args.length);
        return all;
    }

    private void applyBrokerId(String group, long id) throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            RemotingCommand request = RemotingCommand.createRequestCommand(1013, null);
            request.addExtField("clusterName", CLUSTER);
            request.addExtField("brokerName", group);
            request.addExtField("appliedBrokerId", Long.toString(id));
            request.addExtField("registerCheckCode", "127.0.0.1:1;" + System.nanoTime());
            assertEquals(0, client.invokeSync(controllerAddr(), request, 10_000).getCode());
        } finally {
            client.shutdown();
        }
    }

    @Override
    protected void stopNameServer() {
        if (namesrv != null) {
            namesrv.close();
        }
    }
}
