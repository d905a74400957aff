package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.cli.support.FakeBroker;
import io.namesrv.cli.support.OurMqAdmin;
import io.namesrv.cli.support.OurMqAdmin.Result;
import io.namesrv.interop.support.Await;
import io.namesrv.namesrv.TestNameServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compareNamesrv} against our daemons in this JVM (against Apache's: the interop suite). */
class CompareNamesrvCommandTest {

    @TempDir
    Path dir;

    /** Registers (idempotent), again if a first call on a loaded machine outlasts the client's 3 s. */
    private static void register(FakeBroker broker, String namesrv, String... topics) {
        Await.until(broker.brokerName() + " registered at " + namesrv, Duration.ofSeconds(30), () -> {
            broker.registerWith(namesrv, List.of(topics));
            return true;
        }, ok -> ok);
    }

    private static String row(Result r, String brokerName) {
        return r.out().lines().filter(l -> l.contains(" " + brokerName + " ")).findFirst().orElse("<no row>");
    }

    @Test
    void aBrokerRegisteredWithOneNameServerOnlyShowsAndFailsTheCommand() throws Exception {
        try (TestNameServer a = TestNameServer.start(dir.resolve("a"));
             TestNameServer b = TestNameServer.start(dir.resolve("b"));
             FakeBroker everywhere = new FakeBroker("C1", "broker-all", 0, Map.of());
             FakeBroker partial = new FakeBroker("C1", "broker-one", 0, Map.of())) {
            register(everywhere, a.address(), "T1", "T2");
            register(everywhere, b.address(), "T1", "T2");
            register(partial, a.address(), "T3", "T4");
            String list = a.address() + ";" + b.address();

            Result text = OurMqAdmin.run("compareNamesrv", "-n", list);

            assertEquals(1, text.exitCode(), text.out() + text.err());
            assertTrue(text.out().lines().findFirst().orElse("").contains(a.address() + "  " + b.address()), text.out());
            assertTrue(row(text, "broker-all").matches(".*\\s+yes\\s+yes$"), row(text, "broker-all"));
            assertTrue(row(text, "broker-one").matches(".*" + partial.address() + "\\s+yes\\s+-$"), row(text, "broker-one"));
            assertTrue(text.out().contains("2 name server(s), 2 broker(s), 1 not registered with all of them"), text.out());
            assertEquals("compareNamesrv: the name servers disagree about 1 of 2 broker(s)", text.err().strip());

            JSONObject json = JSON.parseObject(OurMqAdmin.run("compareNamesrv", "-n", list, "--json").out());
            assertEquals(1, json.getIntValue("brokersThatDiffer"));
            JSONObject one = json.getJSONArray("brokers").stream().map(o -> (JSONObject) o)
                .filter(o -> o.getString("brokerName").equals("broker-one")).findFirst().orElseThrow();
            assertEquals(Map.of(a.address(), "yes", b.address(), "-"), one.getJSONObject("nameServers").toJavaObject(Map.class));
            assertEquals(false, one.getBooleanValue("agree"));

            register(partial, b.address(), "T3", "T4");
            Result agreed = OurMqAdmin.run("compareNamesrv", "-n", list);
            assertEquals(0, agreed.exitCode(), agreed.out() + agreed.err());
            assertTrue(agreed.out().contains("every broker registered with every name server"), agreed.out());
            assertEquals(0, OurMqAdmin.run("compareNamesrv", "-n", list, "-c", "NoSuchCluster").exitCode());
        }
    }

    @Test
    void aRestoredBrokerIsShownAsProvisionalUntilItRegisters() throws Exception {
        Path home = dir.resolve("restarted");
        try (FakeBroker broker = new FakeBroker("C1", "broker-r", 0, Map.of())) {
            try (TestNameServer before = TestNameServer.start(home)) {
                register(broker, before.address(), "T1", "T2");
            } // its snapshot is written on the way out
            try (TestNameServer after = TestNameServer.start(home)) {
                Result r = OurMqAdmin.run("compareNamesrv", "-n", after.address());
                assertEquals(1, r.exitCode(), r.out());
                assertTrue(row(r, "broker-r").endsWith("provisional"), r.out());

                register(broker, after.address(), "T1", "T2");
                assertEquals(0, OurMqAdmin.run("compareNamesrv", "-n", after.address()).exitCode());
            }
        }
    }

    @Test
    void aNameServerThatCannotBeAskedIsNamedAndFailsTheCommand() throws Exception {
        String dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = "127.0.0.1:" + s.getLocalPort();
        }
        try (TestNameServer a = TestNameServer.start(dir.resolve("a"));
             FakeBroker broker = new FakeBroker("C1", "broker-x", 0, Map.of())) {
            register(broker, a.address(), "T1", "T2");

            Result r = OurMqAdmin.run("compareNamesrv", "-n", a.address() + ";" + dead);

            assertEquals(1, r.exitCode());
            assertTrue(row(r, "broker-x").matches(".*\\s+yes\\s+\\?$"), r.out());
            assertTrue(r.out().contains(dead + ": FAILED, cannot connect to " + dead), r.out());
            assertTrue(r.err().contains("compareNamesrv: could not ask 1 of 2 name server(s): " + dead), r.err());
        }
    }
}
