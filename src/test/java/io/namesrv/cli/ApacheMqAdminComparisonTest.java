package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.cli.support.ApacheMqAdmin;
import io.namesrv.cli.support.FakeBroker;
import io.namesrv.cli.support.OurMqAdmin;
import io.namesrv.namesrv.TestNameServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.tools.command.SubCommand;
import org.apache.rocketmq.tools.command.cluster.ClusterListSubCommand;
import org.apache.rocketmq.tools.command.namesrv.AddWritePermSubCommand;
import org.apache.rocketmq.tools.command.namesrv.DeleteKvConfigCommand;
import org.apache.rocketmq.tools.command.namesrv.GetNamesrvConfigCommand;
import org.apache.rocketmq.tools.command.namesrv.UpdateKvConfigCommand;
import org.apache.rocketmq.tools.command.namesrv.UpdateNamesrvConfigCommand;
import org.apache.rocketmq.tools.command.namesrv.WipeWritePermSubCommand;
import org.apache.rocketmq.tools.command.topic.DeleteTopicSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicClusterSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicListSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicRouteSubCommand;
import org.apache.rocketmq.tools.command.topic.UpdateOrderConfCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every subcommand both have, Apache 5.3.3's mqadmin (its SubCommand classes, in this JVM)
 * and ours run against the same running name server and fake brokers; the printed text must be
 * the same, character for character.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApacheMqAdminComparisonTest {

    private TestNameServer ns;
    private FakeBroker a;
    private FakeBroker aSlave;
    private FakeBroker b;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ns = TestNameServer.start(dir);
        // 5 h 36 s ago, mid-way in a 0.01 h step of the "#Hour" column: both runs print 5.01
        long earliest = System.currentTimeMillis() - 5 * 3600_000L - 36_000L;
        a = new FakeBroker("ClusterX", "broker-a", 0, FakeBroker.typicalStats("V5_3_3", earliest));
        aSlave = new FakeBroker("ClusterX", "broker-a", 1, FakeBroker.typicalStats("V5_3_3", earliest));
        b = new FakeBroker("DefaultCluster", "broker-b", 0, FakeBroker.typicalStats("V5_3_2", earliest));
        a.registerWith(ns.address(), List.of("TopicA", "TopicB", "%RETRY%group1"));
        aSlave.registerWith(ns.address(), List.of("TopicA", "TopicB", "%RETRY%group1"));
        b.registerWith(ns.address(), List.of("TopicA", "TopicC"));
    }

    @AfterAll
    void stop() {
        b.close();
        aSlave.close();
        a.close();
        ns.close();
    }

    private String apache(SubCommand command, String... args) throws Exception {
        return ApacheMqAdmin.run(command, ns.address(), args);
    }

    private String ours(String command, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = command;
        all[1] = "-n";
        all[2] = ns.address();
        System.arraycopy(args, 0, all, 3, args.length);
        OurMqAdmin.Result r = OurMqAdmin.run(all);
        assertEquals(0, r.exitCode(), () -> command + " failed: " + r.err());
        return r.out();
    }

    private void same(SubCommand apacheCommand, String command, String... args) throws Exception {
        String expected = apache(apacheCommand, args);
        assertEquals(expected, ours(command, args), command + " " + String.join(" ", args));
    }

    @Test
    void clusterList() throws Exception {
        same(new ClusterListSubCommand(), "clusterList");
        same(new ClusterListSubCommand(), "clusterList", "-c", "ClusterX");
        same(new ClusterListSubCommand(), "clusterList", "-m");
    }

    /**
     * A broker the name server still lists but that no longer answers: Apache keeps its row, with
     * empty text figures and zeros, in both layouts; ours must print the same rows (and, unlike
     * Apache's stack trace, one warning line on stderr).
     */
    @Test
    void clusterListKeepsTheRowOfABrokerThatDoesNotAnswer(@TempDir Path dir) throws Exception {
        long earliest = System.currentTimeMillis() - 5 * 3600_000L - 36_000L;
        try (TestNameServer own = TestNameServer.start(dir);
             FakeBroker alive = new FakeBroker("ClusterY", "broker-alive", 0, FakeBroker.typicalStats("V5_3_3", earliest));
             FakeBroker gone = new FakeBroker("ClusterY", "broker-gone", 0, FakeBroker.typicalStats("V5_3_3", earliest))) {
            alive.registerWith(own.address(), List.of("TopicA", "TopicB"));
            gone.registerWith(own.address(), List.of("TopicA", "TopicB"));
            gone.stopServing();
            for (String[] args : new String[][] {{}, {"-m"}}) {
                String expected = ApacheMqAdmin.run(new ClusterListSubCommand(), own.address(), args);
                assertTrue(expected.contains("broker-gone"), expected);
                String[] all = new String[args.length + 3];
                all[0] = "clusterList";
                all[1] = "-n";
                all[2] = own.address();
                System.arraycopy(args, 0, all, 3, args.length);
                OurMqAdmin.Result r = OurMqAdmin.run(all);
                assertEquals(0, r.exitCode(), r.err());
                assertEquals(expected, r.out(), "clusterList " + String.join(" ", args));
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().contains("no runtime stats from broker " + gone.address()), r.err());
            }
        }
    }

    @Test
    void topicList() throws Exception {
        same(new TopicListSubCommand(), "topicList");
        same(new TopicListSubCommand(), "topicList", "-c");
    }

    @Test
    void topicRoute() throws Exception {
        same(new TopicRouteSubCommand(), "topicRoute", "-t", "TopicA");
        same(new TopicRouteSubCommand(), "topicRoute", "-t", "TopicA", "-l");
        same(new TopicRouteSubCommand(), "topicRoute", "-t", "TopicB", "-l");
    }

    @Test
    void topicClusterList() throws Exception {
        same(new TopicClusterSubCommand(), "topicClusterList", "-t", "TopicB");
        same(new TopicClusterSubCommand(), "topicClusterList", "-t", "%RETRY%group1");
        // On two clusters, Apache prints the cluster of the route's first broker group only; ours prints both.
        String apacheBoth = apache(new TopicClusterSubCommand(), "-t", "TopicA");
        String oursBoth = ours("topicClusterList", "-t", "TopicA");
        String nl = System.lineSeparator();
        assertEquals("ClusterX" + nl + "DefaultCluster" + nl, oursBoth);
        assertTrue(apacheBoth.equals("ClusterX" + nl) || apacheBoth.equals("DefaultCluster" + nl), apacheBoth);

        OurMqAdmin.Result unknown = OurMqAdmin.run("topicClusterList", "-n", ns.address(), "-t", "NoSuchTopic");
        assertEquals(1, unknown.exitCode());
        assertEquals("topicClusterList: no route for topic 'NoSuchTopic' on " + ns.address() + nl, unknown.err());
    }

    @Test
    void namesrvConfig() throws Exception {
        same(new UpdateNamesrvConfigCommand(), "updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "true");
        same(new GetNamesrvConfigCommand(), "getNamesrvConfig");
    }

    @Test
    void kvConfig() throws Exception {
        same(new UpdateKvConfigCommand(), "updateKvConfig", "-s", "ns1", "-k", "k1", "-v", "v1");
        same(new DeleteKvConfigCommand(), "deleteKvConfig", "-s", "ns1", "-k", "k1");
    }

    @Test
    void orderConfDiffersOnlyInTheFinalNewline() throws Exception {
        // Apache prints these without a newline (and "get" with a trailing space); ours ends the line.
        for (String[] args : new String[][] {
            {"-t", "TopicA", "-m", "put", "-v", "broker-a:4;broker-b:4"},
            {"-t", "TopicA", "-m", "get"},
            {"-t", "TopicA", "-m", "delete"}}) {
            String expected = apache(new UpdateOrderConfCommand(), args);
            String actual = ours("updateOrderConf", args);
            assertEquals(expected.stripTrailing() + System.lineSeparator(), actual, String.join(" ", args));
        }
    }

    @Test
    void writePerm() throws Exception {
        String apacheWipe = apache(new WipeWritePermSubCommand(), "-b", "broker-a");
        String apacheAdd = apache(new AddWritePermSubCommand(), "-b", "broker-a");
        assertEquals(apacheWipe, ours("wipeWritePerm", "-b", "broker-a"));
        assertEquals(apacheAdd, ours("addWritePerm", "-b", "broker-a"));
        assertTrue(apacheWipe.endsWith("OK, 3" + System.lineSeparator()), apacheWipe);
    }

    @Test
    void deleteTopic() throws Exception {
        String expected = apache(new DeleteTopicSubCommand(), "-t", "TopicC", "-c", "DefaultCluster");
        b.registerWith(ns.address(), List.of("TopicA", "TopicC")); // brings TopicC back
        assertEquals(expected, ours("deleteTopic", "-t", "TopicC", "-c", "DefaultCluster"));
        assertEquals(List.of("TopicC", "TopicC"), b.deletedTopics());
        assertEquals(List.of(), a.deletedTopics());
    }

}
