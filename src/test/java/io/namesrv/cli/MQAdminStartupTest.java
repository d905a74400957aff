package io.namesrv.cli;

import java.time.Duration;
import io.namesrv.interop.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.cli.support.FakeBroker;
import io.namesrv.cli.support.OurMqAdmin;
import io.namesrv.cli.support.OurMqAdmin.Result;
import io.namesrv.cli.support.StrictJson;
import io.namesrv.common.NameServerAddresses;
import io.namesrv.namesrv.TestNameServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Our mqadmin in-process against a running daemon: help, our own commands, JSON, errors and exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MQAdminStartupTest {

    private TestNameServer ns;
    private FakeBroker broker;
    private String dead;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ns = TestNameServer.start(dir);
        broker = new FakeBroker("C1", "broker-a", 0, FakeBroker.typicalStats("V5_3_3", System.currentTimeMillis()));
        broker.registerWith(ns.address(), List.of("T1", "T2"));
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = "127.0.0.1:" + s.getLocalPort(); // closed again: nothing listens there
        }
    }

    @AfterAll
    void stop() {
        broker.close();
        ns.close();
    }

    private Result run(String... args) {
        return OurMqAdmin.run(args);
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        Result list = run("help");
        assertEquals(0, list.exitCode());
        for (SubCommand c : SubCommands.all()) {
            assertTrue(list.out().contains(c.name()), c.name());
        }
        Result one = run("help", "brokerLiveness");
        assertEquals(0, one.exitCode());
        assertTrue(one.out().contains("usage: mqadmin brokerLiveness"), one.out());
        assertTrue(one.out().contains("40001"), one.out());
        assertTrue(one.out().contains("--json"), one.out());
        assertEquals(0, run("updateKvConfig", "-h").exitCode());
    }

    @Test
    void badArgumentsExitTwoWithAClearMessage() {
        Result unknown = run("frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"), unknown.err());

        Result missing = run("updateKvConfig", "-n", ns.address(), "-s", "ns");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("updateKvConfig: Missing required options: k, v"), missing.err());

        Result badMethod = run("updateOrderConf", "-n", ns.address(), "-t", "T1", "-m", "post");
        assertEquals(2, badMethod.exitCode());
        assertTrue(badMethod.err().contains("-m must be put, get or delete"), badMethod.err());

        Result halfKey = run("topicList", "-n", ns.address(), "-a", "ak");
        assertEquals(2, halfKey.exitCode());
        assertTrue(halfKey.err().contains("--secretKey"), halfKey.err());
    }

    /** updateTopic's own -a (attributes) takes the letter; the access key is then --accessKey only. */
    @Test
    void aCommandsOwnOptionWinsItsLetterOverTheCommonOnes() {
        Result attributes = run("updateTopic", "-n", ns.address(), "-b", dead, "-t", "T1", "-a", "+message.type=NORMAL");
        assertEquals(1, attributes.exitCode());
        assertTrue(attributes.err().contains("cannot connect to " + dead), attributes.err());
        Result signing = run("updateTopic", "-n", ns.address(), "-b", dead, "-t", "T1", "-a", "+message.type=NORMAL",
            "--accessKey", "ak");
        assertEquals(2, signing.exitCode());
        assertTrue(signing.err().contains("signing needs a secret key too"), signing.err());
        Result help = run("help", "updateTopic");
        assertTrue(help.out().contains("-a,--attributes <arg>") && help.out().contains("   --accessKey <ak>"), help.out());
    }

    @Test
    void unreachableServerNamesTheAddressWithoutAStackTrace() {
        Result r = run("topicList", "-n", dead);
        assertEquals(1, r.exitCode());
        assertEquals("topicList: cannot connect to " + dead + " (is the server running and the address right?)"
            + System.lineSeparator(), r.err());

        Result verbose = run("topicList", "-n", dead, "--verbose");
        assertEquals(1, verbose.exitCode());
        assertTrue(verbose.err().contains("\tat "), "stack trace with --verbose");
    }

    @Test
    void refusedConfigUpdateSaysWhoRefusedWhat() {
        Result r = run("updateNamesrvConfig", "-n", ns.address(), "-k", "kvConfigPath", "-v", "/tmp/evil");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains(ns.address() + ": FAILED, refused: NO_PERMISSION (16)"), r.out());
        assertTrue(r.out().contains("kvConfigPath"), r.out());
        // the refusal is printed once: stderr only names the server that failed
        assertEquals("updateNamesrvConfig: failed on 1 of 1 name server(s): " + ns.address() + System.lineSeparator(),
            r.err());
    }

    @Test
    void writesGoToEveryNameServerAndSayPerServerWhatHappened() {
        Result r = run("updateKvConfig", "-n", ns.address() + ";" + dead, "-s", "nsA", "-k", "k", "-v", "v1");
        assertEquals(1, r.exitCode());
        assertEquals("  " + ns.address() + ": OK" + System.lineSeparator()
            + "  " + dead + ": FAILED, cannot connect to " + dead + " (is the server running and the address right?)"
            + System.lineSeparator(), r.out());
        assertEquals("updateKvConfig: failed on 1 of 2 name server(s): " + dead + System.lineSeparator(), r.err());

        Result get = run("getKvConfig", "-n", dead + ";" + ns.address(), "-s", "nsA", "-k", "k");
        assertEquals(0, get.exitCode(), get.err());
        assertEquals("v1" + System.lineSeparator(), get.out());
    }

    @Test
    void kvReadsInTextAndJson() {
        assertEquals(0, run("updateKvConfig", "-n", ns.address(), "-s", "nsB", "-k", "longer-key", "-v", "2").exitCode());
        assertEquals(0, run("updateKvConfig", "-n", ns.address(), "-s", "nsB", "-k", "a", "-v", "1").exitCode());
        Result list = run("getKvList", "-n", ns.address(), "-s", "nsB");
        assertEquals(String.join(System.lineSeparator(), "#Key        #Value", "a           1", "longer-key  2", ""),
            list.out());
        JSONObject json = JSON.parseObject(run("getKvList", "-n", ns.address(), "-s", "nsB", "--json").out());
        assertEquals(Map.of("a", "1", "longer-key", "2"), json.getJSONObject("table"));

        Result missing = run("getKvConfig", "-n", ns.address(), "-s", "nsB", "-k", "nope");
        assertEquals(1, missing.exitCode());
        assertEquals("getKvConfig: no key 'nope' in namespace 'nsB' on " + ns.address() + System.lineSeparator(),
            missing.err());
    }

    @Test
    void jsonOutputsForMachines() {
        JSONObject cluster = JSON.parseObject(run("clusterList", "-n", ns.address(), "--json").out());
        JSONObject row = cluster.getJSONArray("brokers").getJSONObject(0);
        assertEquals("C1", row.getString("cluster"));
        assertEquals("broker-a", row.getString("brokerName"));
        assertEquals(broker.address(), row.getString("addr"));
        assertEquals("V5_3_3", row.getJSONObject("stats").getString("brokerVersionDesc"));

        JSONObject route = JSON.parseObject(run("topicRoute", "-n", ns.address(), "-t", "T1", "--json").out());
        assertEquals(8, route.getJSONArray("queueDatas").getJSONObject(0).getIntValue("writeQueueNums"));
        assertEquals(broker.address(), route.getJSONArray("brokerDatas").getJSONObject(0)
            .getJSONObject("brokerAddrs").getString("0"));

        JSONArray topics = JSON.parseObject(run("topicList", "-n", ns.address(), "--json").out()).getJSONArray("topics");
        assertTrue(topics.containsAll(List.of("T1", "T2")), topics.toString());
    }

    /** --json is for jq and scripts: every command's output must be standard JSON (numeric map keys quoted). */
    @Test
    void everyJsonOutputIsStrictJson() {
        String addr = ns.address();
        assertEquals(0, run("updateKvConfig", "-n", addr, "-s", "nsJ", "-k", "k", "-v", "v").exitCode());
        List<String[]> commands = List.of(
            new String[] {"clusterList"}, new String[] {"clusterList", "-m"}, new String[] {"brokerLiveness"},
            new String[] {"topicList"}, new String[] {"topicList", "-c"}, new String[] {"topicRoute", "-t", "T1"},
            new String[] {"topicRoute", "-t", "T1", "-l"}, new String[] {"topicClusterList", "-t", "T1"},
            new String[] {"getNamesrvConfig"}, new String[] {"getKvConfig", "-s", "nsJ", "-k", "k"},
            new String[] {"getKvList", "-s", "nsJ"}, new String[] {"updateKvConfig", "-s", "nsJ", "-k", "k2", "-v", "v"},
            new String[] {"updateOrderConf", "-t", "T1", "-m", "put", "-v", "broker-a:8"},
            new String[] {"updateOrderConf", "-t", "T1", "-m", "get"},
            new String[] {"updateOrderConf", "-t", "T1", "-m", "delete"});
        for (String[] command : commands) {
            String[] args = new String[command.length + 3];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "-n";
            args[command.length + 1] = addr;
            args[command.length + 2] = "--json";
            Result r = run(args);
            assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
            StrictJson.valid(r.out());
        }
    }

    @Test
    void brokerLivenessShowsHeartbeatAgeTimeoutAndVersion() {
        Result text = run("brokerLiveness", "-n", ns.address());
        assertEquals(0, text.exitCode(), text.err());
        String[] lines = text.out().split(System.lineSeparator());
        assertEquals("============" + ns.address() + "============", lines[0]);
        assertTrue(lines[1].startsWith("#Cluster Name") && lines[1].contains("#LastHeartbeat(ms)"), lines[1]);
        assertTrue(lines[2].matches("C1\\s+broker-a\\s+0\\s+" + broker.address()
            + "\\s+\\d+\\s+120000\\s+\\d+\\s+counter=3 stateVersion=0 timestamp=1700000000000"), lines[2]);

        JSONObject json = JSON.parseObject(run("brokerLiveness", "-n", ns.address(), "--json").out());
        JSONObject live = json.getJSONArray("nameServers").getJSONObject(0).getJSONArray("brokers").getJSONObject(0);
        assertEquals(120_000L, live.getLongValue("heartbeatTimeoutMillis"));
        long age = live.getLongValue("lastHeartbeatAgeMillis");
        assertTrue(age >= 0 && age < 60_000, "age " + age);
        assertEquals(120_000L - age, live.getLongValue("expiresInMillis"));
    }

    @Test
    void addressesResolveInApacheOrder() throws IOException {
        Properties props = new Properties();
        props.setProperty("rocketmq.namesrv.addr", dead);
        NameServerAddresses propertyDead = new NameServerAddresses(props, Map.of("NAMESRV_ADDR", ns.address()));
        // -n beats the property
        assertEquals(0, OurMqAdmin.run(propertyDead, "topicList", "-n", ns.address()).exitCode());
        // the property beats the environment
        Result viaProperty = OurMqAdmin.run(propertyDead, "topicList");
        assertEquals(1, viaProperty.exitCode());
        assertTrue(viaProperty.err().contains(dead), viaProperty.err());
        // the environment alone
        assertEquals(0, OurMqAdmin.run(new NameServerAddresses(new Properties(), Map.of("NAMESRV_ADDR", ns.address())),
            "topicList").exitCode());
        // nothing at all: the address server is asked, and its failure is named
        Properties noServer = new Properties();
        noServer.setProperty("rocketmq.namesrv.domain", dead);
        Result none = OurMqAdmin.run(new NameServerAddresses(noServer, Map.of()), "topicList");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("address server http://" + dead + "/rocketmq/nsaddr"), none.err());
    }

    @Test
    void signedRequestsStillWorkAgainstAServerWithoutAcl() {
        Result put = run("updateKvConfig", "-n", ns.address(), "-s", "nsSigned", "-k", "k", "-v", "v",
            "-a", "rocketmq2", "--secretKey", "12345678");
        assertEquals(0, put.exitCode(), put.err());
        Result get = run("getKvConfig", "-n", ns.address(), "-s", "nsSigned", "-k", "k",
            "--accessKey", "rocketmq2", "--secretKey", "12345678");
        assertEquals("v" + System.lineSeparator(), get.out());
    }

    @Test
    void clusterListRepeatsEveryIntervalUntilInterrupted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(); // synchronized: read while the command writes
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MQAdminStartup mqadmin = new MQAdminStartup(SubCommands.all(), new NameServerAddresses(new Properties(), Map.of()),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        AtomicInteger exitCode = new AtomicInteger(Integer.MIN_VALUE);
        Thread repeating = new Thread(() -> exitCode.set(mqadmin.run(new String[] {"clusterList", "-n", ns.address(), "-i", "1"})),
            "clusterList-repeating");
        repeating.start();
        try {
            Await.last(Duration.ofSeconds(20), () -> headers(out), n -> n >= 3);
        } finally {
            repeating.interrupt();
            repeating.join(10_000);
        }
        assertFalse(repeating.isAlive());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(headers(out) >= 3, printed);
        // every round is a whole table: header then the broker's row
        assertEquals(headers(out), printed.lines().filter(l -> l.startsWith("C1") && l.contains("broker-a")).count(), printed);
        assertEquals(CliException.FAILED, exitCode.get());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("clusterList: interrupted"), err.toString(StandardCharsets.UTF_8));
    }

    private static long headers(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("#Cluster Name")).count();
    }
}
