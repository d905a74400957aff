package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.cli.support.ApacheMqAdmin;
import io.namesrv.cli.support.OurMqAdmin;
import io.namesrv.cli.support.StrictJson;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.namesrv.TestNameServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.command.SubCommand;
import org.apache.rocketmq.tools.command.broker.BrokerStatusSubCommand;
import org.apache.rocketmq.tools.command.broker.GetBrokerConfigCommand;
import org.apache.rocketmq.tools.command.broker.UpdateBrokerConfigSubCommand;
import org.apache.rocketmq.tools.command.topic.AllocateMQSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicStatusSubCommand;
import org.apache.rocketmq.tools.command.topic.UpdateTopicPermSubCommand;
import org.apache.rocketmq.tools.command.topic.UpdateTopicSubCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seven commands an operator runs against brokers, Apache 5.3.3's mqadmin (its SubCommand
 * classes, in this JVM) next to ours, against the same cluster: our name server with a real Apache
 * 5.3.3 broker group (master and replica) registered. Each pair must print the same text, except
 * where ours deliberately differs (documented in docs/compatibility.md): figures that move between
 * two runs (brokerStatus), and the topic put TPS, which Apache's topicStatus never fills in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApacheMqAdminBrokerCommandsTest {

    private static final String CLUSTER = "OpCluster";
    private static final String BROKER = "broker-op";
    private static final String TOPIC = "OpTopic";
    private static final Duration SETTLE = Duration.ofSeconds(40);
    private static final String NL = System.lineSeparator();

    private TestNameServer ns;
    private BrokerProcess master;
    private BrokerProcess replica;
    private DefaultMQAdminExt admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ns = TestNameServer.start(dir);
        master = BrokerProcess.start(CLUSTER, BROKER, ns.address());
        replica = BrokerProcess.start(CLUSTER, BROKER, 1, ns.address(), Map.of());
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(ns.address());
        admin.setInstanceName("op-admin");
        admin.start();
        Await.until("master and replica registered", SETTLE, () -> admin.examineBrokerClusterInfo(),
            (ClusterInfo info) -> info.getBrokerAddrTable().containsKey(BROKER)
                && info.getBrokerAddrTable().get(BROKER).getBrokerAddrs().size() == 2);
        createTopic(TOPIC, 6);
        DefaultMQProducer producer = new DefaultMQProducer("op-producer");
        producer.setNamesrvAddr(ns.address());
        producer.setInstanceName("op-producer");
        producer.start();
        try {
            for (int i = 0; i < 12; i++) {
                assertEquals(SendStatus.SEND_OK, producer.send(new Message(TOPIC, ("m" + i).getBytes(StandardCharsets.UTF_8)))
                    .getSendStatus());
            }
        } finally {
            producer.shutdown();
        }
    }

    @AfterAll
    void stop() {
        if (admin != null) {
            admin.shutdown();
        }
        if (replica != null) {
            replica.close();
        }
        if (master != null) {
            master.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    /** Creates the topic on the master with Apache's admin and waits until the route says so. */
    private void createTopic(String topic, int perm) throws Exception {
        TopicConfig config = new TopicConfig(topic, 8, 8, perm);
        admin.createAndUpdateTopicConfig(master.address(), config);
        awaitPerm(topic, perm);
    }

    private void awaitPerm(String topic, int perm) {
        Await.until("route of " + topic + " with perm " + perm, SETTLE, () -> admin.examineTopicRouteInfo(topic),
            route -> route.getQueueDatas().stream().map(QueueData::getPerm).allMatch(p -> p == perm)
                && !route.getQueueDatas().isEmpty());
    }

    private String apache(SubCommand command, String... args) throws Exception {
        return ApacheMqAdmin.run(command, ns.address(), args);
    }

    private OurMqAdmin.Result ours(String command, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = command;
        all[1] = "-n";
        all[2] = ns.address();
        System.arraycopy(args, 0, all, 3, args.length);
        return OurMqAdmin.run(all);
    }

    private String oursOk(String command, String... args) {
        OurMqAdmin.Result r = ours(command, args);
        assertEquals(0, r.exitCode(), () -> command + " failed: " + r.err());
        assertEquals("", r.err(), command);
        return r.out();
    }

    private void same(SubCommand apacheCommand, String command, String... args) throws Exception {
        String expected = apache(apacheCommand, args);
        assertEquals(expected, oursOk(command, args), command + " " + String.join(" ", args));
    }

    /** Our --json of the same command is standard JSON. */
    private void json(String command, String... args) {
        String[] withJson = new String[args.length + 1];
        System.arraycopy(args, 0, withJson, 0, args.length);
        withJson[args.length] = "--json";
        StrictJson.valid(oursOk(command, withJson));
    }

    /** Same command name, description and options (letters, long names, arguments, required) as Apache's. */
    @Test
    void namesOptionsAndDescriptionsAreApaches() {
        Map<SubCommand, io.namesrv.cli.SubCommand> pairs = new LinkedHashMap<>();
        pairs.put(new UpdateTopicSubCommand(), new UpdateTopicCommand());
        pairs.put(new UpdateTopicPermSubCommand(), new UpdateTopicPermCommand());
        pairs.put(new TopicStatusSubCommand(), new TopicStatusCommand());
        pairs.put(new BrokerStatusSubCommand(), new BrokerStatusCommand());
        pairs.put(new GetBrokerConfigCommand(), new io.namesrv.cli.GetBrokerConfigCommand());
        pairs.put(new UpdateBrokerConfigSubCommand(), new UpdateBrokerConfigCommand());
        pairs.put(new AllocateMQSubCommand(), new AllocateMqCommand());
        for (Entry<SubCommand, io.namesrv.cli.SubCommand> pair : pairs.entrySet()) {
            SubCommand theirs = pair.getKey();
            io.namesrv.cli.SubCommand mine = pair.getValue();
            assertEquals(theirs.commandName(), mine.name());
            assertEquals(theirs.commandDesc(), mine.description(), mine.name());
            Options apacheOptions = theirs.buildCommandlineOptions(new Options());
            Options ourOptions = new Options();
            mine.addOptions(ourOptions);
            assertEquals(describe(apacheOptions), describe(ourOptions), mine.name());
            assertTrue(SubCommands.all().stream().anyMatch(c -> c.name().equals(mine.name())), mine.name());
        }
    }

    private static List<String> describe(Options options) {
        List<String> lines = new ArrayList<>();
        for (Option o : options.getOptions()) {
            boolean required = o.isRequired() || (options.getOptionGroup(o) != null && options.getOptionGroup(o).isRequired());
            lines.add("-" + o.getOpt() + " --" + o.getLongOpt() + " arg=" + o.hasArg() + " required=" + required
                + " group=" + (options.getOptionGroup(o) != null) + " : " + o.getDescription());
        }
        lines.sort(null);
        return lines;
    }

    @Test
    void getBrokerConfig() throws Exception {
        same(new GetBrokerConfigCommand(), "getBrokerConfig", "-b", master.address());
        same(new GetBrokerConfigCommand(), "getBrokerConfig", "-b", replica.address());
        String cluster = apache(new GetBrokerConfigCommand(), "-c", CLUSTER);
        assertTrue(cluster.startsWith("============Master: " + master.address() + "============" + "\n"), cluster);
        assertTrue(cluster.contains("============My Master: " + master.address() + "=====Slave: " + replica.address()
            + "============\n"), cluster);
        assertEquals(cluster, oursOk("getBrokerConfig", "-c", CLUSTER));
        json("getBrokerConfig", "-c", CLUSTER);
    }

    /**
     * A broker's runtime figures move between two runs (uptime, TPS, memory, the timer's backlog),
     * so ours is checked between two runs of Apache's: the same keys in the same order and layout
     * every time, and every figure that did not move between Apache's two runs is the same in ours.
     * A figure can still blink between the runs (timerReadBehind 0, 1, 0), so the figures get up to
     * three tries; the layout gets none.
     */
    @Test
    void brokerStatus() throws Exception {
        for (String[] args : List.of(new String[] {"-b", master.address()}, new String[] {"-c", CLUSTER})) {
            String unsteady = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                unsteady = brokerStatusFiguresDiffer(args);
                if (unsteady == null) {
                    break;
                }
            }
            assertEquals(null, unsteady, "a steady figure differs from Apache's in three tries");
            json("brokerStatus", args);
        }
    }

    /** Null when every figure steady across Apache's two runs is the same in ours, else the first that is not. */
    private String brokerStatusFiguresDiffer(String[] args) throws Exception {
        String before = apache(new BrokerStatusSubCommand(), args);
        String mine = oursOk("brokerStatus", args);
        String after = apache(new BrokerStatusSubCommand(), args);
        List<String[]> b = keyed(before);
        List<String[]> m = keyed(mine);
        List<String[]> a = keyed(after);
        assertEquals(b.size(), m.size(), mine);
        assertTrue(b.size() > 20, before);
        String differs = null;
        for (int i = 0; i < b.size(); i++) {
            assertEquals(b.get(i)[0], m.get(i)[0], "line " + i);
            if (differs == null && b.get(i)[1].equals(a.get(i)[1]) && !b.get(i)[1].equals(m.get(i)[1])) {
                differs = b.get(i)[0] + " Apache " + b.get(i)[1] + ", ours " + m.get(i)[1];
            }
        }
        return differs;
    }

    /** Each line as (everything up to and including ": ", the rest). */
    private static List<String[]> keyed(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            assertTrue(colon > 0, line);
            lines.add(new String[] {line.substring(0, colon + 2), line.substring(colon + 2)});
        }
        return lines;
    }

    @Test
    void updateTopic() throws Exception {
        same(new UpdateTopicSubCommand(), "updateTopic", "-b", master.address(), "-t", "OpCreated", "-r", "4", "-w", "4");
        same(new UpdateTopicSubCommand(), "updateTopic", "-c", CLUSTER, "-t", "OpCreatedInCluster", "-p", "6", "-u", "true");
        same(new UpdateTopicSubCommand(), "updateTopic", "-b", master.address(), "-t", "OpAttributes", "-a",
            "+message.type=NORMAL");
        json("updateTopic", "-b", master.address(), "-t", "OpCreated", "-r", "4", "-w", "4");
        awaitPerm("OpCreated", 6);
        assertEquals(4, admin.examineTopicRouteInfo("OpCreated").getQueueDatas().get(0).getWriteQueueNums());
    }

    @Test
    void updateTopicWithOrderWritesTheOrderConfToTheNameServer() throws Exception {
        same(new UpdateTopicSubCommand(), "updateTopic", "-c", CLUSTER, "-t", "OpOrdered", "-o", "true");
        assertEquals(BROKER + ":8", admin.getKVConfig("ORDER_TOPIC_CONFIG", "OpOrdered"));
        same(new UpdateTopicSubCommand(), "updateTopic", "-b", master.address(), "-t", "OpOrderedB", "-o", "true",
            "-w", "6", "-r", "6");
        assertEquals(BROKER + ":6", admin.getKVConfig("ORDER_TOPIC_CONFIG", "OpOrderedB"));
    }

    /**
     * Both change the same permission from the same starting point: Apache's first, then the
     * topic is put back, then ours. The route must show each change before the next run.
     */
    @Test
    void updateTopicPerm() throws Exception {
        String topic = "OpPerm";
        createTopic(topic, 6);
        for (String[] where : List.of(new String[] {"-b", master.address()}, new String[] {"-c", CLUSTER})) {
            String[] args = {where[0], where[1], "-t", topic, "-p", "4"};
            String expected = apache(new UpdateTopicPermSubCommand(), args);
            assertTrue(expected.startsWith("update topic perm from 6 to 4 in " + master.address() + " success."), expected);
            awaitPerm(topic, 4);
            createTopic(topic, 6);
            assertEquals(expected, oursOk("updateTopicPerm", args), String.join(" ", args));
            awaitPerm(topic, 4);
            createTopic(topic, 6);
        }
        createTopic(topic, 4);
        same(new UpdateTopicPermSubCommand(), "updateTopicPerm", "-b", master.address(), "-t", topic, "-p", "4");
        assertEquals("new perm equals to the old one!" + NL, oursOk("updateTopicPerm", "-b", master.address(), "-t", topic,
            "-p", "4"));
        json("updateTopicPerm", "-b", master.address(), "-t", topic, "-p", "4");
    }

    /** Apache's figure for the put TPS is always 0.0 (it drops what the brokers report); ours sums theirs. */
    @Test
    void topicStatus() throws Exception {
        for (String[] args : List.of(new String[] {"-t", TOPIC}, new String[] {"-t", TOPIC, "-c", CLUSTER})) {
            String expected = apache(new TopicStatusSubCommand(), args);
            String mine = oursOk("topicStatus", args);
            String tpsLine = "Topic Put TPS: ";
            assertTrue(expected.endsWith(tpsLine + "0.0" + NL), expected);
            assertEquals(withoutLastLine(expected), withoutLastLine(mine), String.join(" ", args));
            String ourTps = mine.substring(mine.lastIndexOf(tpsLine) + tpsLine.length()).strip();
            assertTrue(Double.parseDouble(ourTps) >= 0, mine);
            assertEquals(8, expected.lines().filter(l -> l.startsWith(BROKER + " ")).count(), expected);
            json("topicStatus", args);
        }
    }

    private static String withoutLastLine(String text) {
        String body = text.substring(0, text.length() - NL.length());
        return body.substring(0, body.lastIndexOf(NL) + NL.length());
    }

    @Test
    void allocateMQ() throws Exception {
        same(new AllocateMQSubCommand(), "allocateMQ", "-t", TOPIC, "-i", "10.0.0.1,10.0.0.2,10.0.0.3");
        same(new AllocateMQSubCommand(), "allocateMQ", "-t", TOPIC, "-i", "192.168.1.7");
        same(new AllocateMQSubCommand(), "allocateMQ", "-t", TOPIC, "-i",
            "c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11");
        json("allocateMQ", "-t", TOPIC, "-i", "10.0.0.1,10.0.0.2");
    }

    @Test
    void updateBrokerConfig() throws Exception {
        String key = "maxMessageSize";
        same(new UpdateBrokerConfigSubCommand(), "updateBrokerConfig", "-b", master.address(), "-k", key, "-v", "4194305");
        assertEquals("4194305", admin.getBrokerConfig(master.address()).getProperty(key));
        String expected = apache(new UpdateBrokerConfigSubCommand(), "-c", CLUSTER, "-a", "true", "-k", key, "-v", "4194306");
        assertEquals(2, expected.lines().count(), expected);
        assertEquals(expected, oursOk("updateBrokerConfig", "-c", CLUSTER, "-a", "true", "-k", key, "-v", "4194307"));
        assertEquals("4194307", admin.getBrokerConfig(master.address()).getProperty(key));
        assertEquals("4194307", admin.getBrokerConfig(replica.address()).getProperty(key));
        same(new UpdateBrokerConfigSubCommand(), "updateBrokerConfig", "-c", CLUSTER, "-k", key, "-v", "4194304");
        assertEquals("4194307", admin.getBrokerConfig(replica.address()).getProperty(key), "without -a, masters only");
        json("updateBrokerConfig", "-b", master.address(), "-k", key, "-v", "4194304");
    }

    /** Where ours says more than Apache's: a mistake is one line on stderr and a non-zero exit. */
    @Test
    void mistakesAreOneLineAndExitNonZero() {
        OurMqAdmin.Result unknownCluster = ours("getBrokerConfig", "-c", "NoSuchCluster");
        assertEquals(1, unknownCluster.exitCode());
        assertEquals("getBrokerConfig: no cluster named 'NoSuchCluster' on the name server; known: [" + CLUSTER + "]" + NL,
            unknownCluster.err());
        OurMqAdmin.Result neither = ours("updateTopic", "-t", "X");
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().startsWith("updateTopic: Missing required option: [-b"), neither.err());
        OurMqAdmin.Result neitherPerm = ours("updateTopicPerm", "-t", "X", "-p", "6");
        assertEquals(2, neitherPerm.exitCode());
        assertEquals("updateTopicPerm: give -b brokerAddr or -c clusterName" + NL, neitherPerm.err());
        OurMqAdmin.Result typo = ours("updateTopic", "-b", master.address(), "-t", "X", "-o", "ture");
        assertEquals(2, typo.exitCode());
        assertEquals("updateTopic: -o takes true or false, not 'ture'" + NL, typo.err());
        OurMqAdmin.Result badPerm = ours("updateTopicPerm", "-b", master.address(), "-t", TOPIC, "-p", "9");
        assertEquals(2, badPerm.exitCode());
        assertEquals("updateTopicPerm: topicPermission value: 9 is invalid." + NL, badPerm.err());
        OurMqAdmin.Result notMaster = ours("updateTopicPerm", "-b", replica.address(), "-t", TOPIC, "-p", "4");
        assertEquals(1, notMaster.exitCode());
        assertTrue(notMaster.err().contains("has its master at " + replica.address()), notMaster.err());
        OurMqAdmin.Result dead = ours("brokerStatus", "-b", "127.0.0.1:1");
        assertEquals(1, dead.exitCode());
        assertTrue(Objects.requireNonNull(dead.err()).startsWith("brokerStatus: cannot connect to 127.0.0.1:1"), dead.err());
    }
}
