package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: -h, -p with -c, and parse errors, in-process (nothing is started). */
class NamesrvStartupTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NamesrvStartup.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertEquals(0, run("-h"));
        assertTrue(out().contains("usage: mqnamesrv"), out());
        assertTrue(out().contains("-c,--configFile"), out());
        assertTrue(out().contains("-p,--printConfigItem"), out());
    }

    @Test
    void unknownOptionPrintsTheErrorAndUsageAndExitsOne() {
        assertEquals(1, run("--bogus"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("Unrecognized option: --bogus"), e);
        assertTrue(e.contains("usage: mqnamesrv"), e);
    }

    @Test
    void printConfigItemShowsDefaultsAndFileValues(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("namesrv.properties");
        Files.writeString(conf, "listenPort=19876\nenableTopicList=false\nserverWorkerThreads=2\n");
        assertEquals(0, run("-c", conf.toString(), "-p"));
        String printed = out();
        assertTrue(printed.contains("load config properties file OK, " + conf), printed);
        assertTrue(printed.contains("listenPort=19876"), printed);
        assertTrue(printed.contains("enableTopicList=false"), printed);
        assertTrue(printed.contains("serverWorkerThreads=2"), printed);
        assertTrue(printed.contains("scanNotActiveBrokerInterval=10000"), printed);
        assertTrue(printed.contains("configStorePath=" + conf.toAbsolutePath()), printed);
    }

    @Test
    void printConfigItemWithoutFileShowsPort9876() {
        assertEquals(0, run("-p"));
        assertTrue(out().contains("listenPort=9876"), out());
        assertTrue(out().contains("bindAddress=0.0.0.0"), out());
        assertTrue(out().contains("httpListenPort=9877"), out());
        assertTrue(out().contains("httpEnable=true"), out());
    }

    @Test
    void missingConfigFileFailsWithAClearMessage(@TempDir Path dir) {
        assertEquals(NamesrvStartup.EXIT_FAILURE, run("-c", dir.resolve("nope.properties").toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals("The Name Server failed to start: config file " + dir.resolve("nope.properties") + " does not exist"
            + System.lineSeparator(), e);
    }

    @Test
    void aDLedgerControllerIsRefusedWithOneLineSayingWhatToSet(@TempDir Path dir) throws Exception {
        // Apache's default controllerType is DLedger; ours runs on sofa-jraft only
        Path conf = dir.resolve("controller.properties");
        Files.writeString(conf, "listenPort=0\nrocketmqHome=" + dir + "\nenableControllerInNamesrv=true\n"
            + "controllerDLegerPeers=n0-127.0.0.1:9878\ncontrollerDLegerSelfId=n0\n");
        assertEquals(NamesrvStartup.EXIT_FAILURE, run("-c", conf.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), "exactly one line: " + e);
        assertTrue(e.contains("controllerType=DLedger is not supported"), e);
        assertTrue(e.contains("controllerType=jRaft") && e.contains("jRaftInitConf") && e.contains("jRaftControllerRPCAddr"), e);
        assertFalse(out().contains("boot success"), out());
    }

    @Test
    void aNodeMissingFromItsOwnRaftGroupIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("controller.properties");
        Files.writeString(conf, "listenPort=0\nrocketmqHome=" + dir + "\nenableControllerInNamesrv=true\n"
            + "controllerType=jRaft\njRaftServerId=127.0.0.1:9999\njRaftInitConf=127.0.0.1:9880\n"
            + "jRaftControllerRPCAddr=127.0.0.1:9770\ncontrollerStorePath=" + dir.resolve("store") + "\n");
        assertEquals(NamesrvStartup.EXIT_FAILURE, run("-c", conf.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), "exactly one line: " + e);
        assertTrue(e.contains("jRaftServerId 127.0.0.1:9999 is not one of jRaftInitConf"), e);
    }

    @Test
    void controllerSwitchOffStartsNormallyUpToTheHomeCheck(@TempDir Path dir) throws Exception {
        // false is the default and starts no controller; without rocketmqHome the start stops at the home check
        Path conf = dir.resolve("off.properties");
        Files.writeString(conf, "listenPort=0\nrocketmqHome=\nenableControllerInNamesrv=false\n");
        assertEquals(NamesrvStartup.EXIT_NO_HOME, run("-c", conf.toString()));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("enableControllerInNamesrv"));
    }

    /** As Apache 5.x: the client that sends NOTIFY_MIN_BROKER_ID_CHANGE is configured from -c and printed by -p. */
    @Test
    void theNameServersOwnClientIsReadFromTheFileAndPrinted(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("client.properties");
        Files.writeString(conf, "connectTimeoutMillis=1234\nnotifyMinBrokerIdChanged=true\n");
        assertEquals(0, run("-c", conf.toString(), "-p"));
        assertTrue(out().contains("connectTimeoutMillis=1234"), out());
        assertTrue(out().contains("clientChannelMaxIdleTimeSeconds=120"), out());
        assertTrue(out().contains("notifyMinBrokerIdChanged=true"), out());
    }
}
