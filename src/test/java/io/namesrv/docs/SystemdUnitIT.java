package io.namesrv.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.namesrv.InPlaceJarRewrite;
import io.namesrv.namesrv.LimitsConfig;
import io.namesrv.remoting.protocol.ResponseCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md's systemd unit and install steps, run as written (paths moved into a temporary
 * "/", see {@link InstallRoot}): the steps lay out the distribution, ExecStart with the unit's
 * Environment= starts it without rebuilding, and what the unit's comments and the section claim
 * holds: logs and KV store under $HOME, the GC log of JAVA_OPT_EXT in LogsDirectory=, exit 0 on
 * KillSignal within TimeoutStopSec, and status 3 (which Restart=on-failure restarts) when the
 * installed jar is overwritten under the running server. systemd itself is not run (CI has none as
 * PID 1): its part, the environment and the working directory, is done the way systemd does it.
 */
class SystemdUnitIT {

    private static final Duration BOOT = Duration.ofMinutes(2);

    private final Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();

    @Test
    void theDocumentedUnitRunsTheInstalledDistribution(@TempDir Path tmp) throws Exception {
        String operations = MarkdownBlocks.read(basedir, "docs/operations.md");
        String unitText = MarkdownBlocks.single(operations, "systemd", "ini");
        SystemdUnit unit = SystemdUnit.parse(unitText);
        Matcher unitFile = Pattern.compile("^# /etc/systemd/system/(\\S+)\\.service\\n").matcher(unitText);
        assertTrue(unitFile.find(), "the unit names its file first: " + unitText);
        InstallRoot root = new InstallRoot(tmp);

        InstallSteps.Result installed = InstallSteps.run(MarkdownBlocks.single(operations, "systemd", "sh"), basedir, root,
            unitFile.group(1), "mvn -B -DskipTests package");
        assertEquals(unit.value("Service", "User"), installed.user(), "the steps create the unit's User=");

        Map<String, String> documented = new LinkedHashMap<>();
        unit.environment().forEach((k, v) -> documented.put(k, root.reroot(v)));
        Path rocketmqHome = Path.of(documented.get("ROCKETMQ_HOME"));
        assertFalse(Files.exists(rocketmqHome.resolve("pom.xml")), "an installed distribution is not a checkout");
        List<String> execStart = Arrays.asList(root.reroot(unit.value("Service", "ExecStart")).split(" "));
        assertEquals(rocketmqHome.resolve("bin/mqnamesrv").toString(), execStart.get(0));
        Path config = Path.of(execStart.get(execStart.indexOf("-c") + 1));
        assertTrue(Files.isRegularFile(config), "the steps install ExecStart's -c file");
        // the operator's edit of the installed file: free local ports instead of 9876/9877 on all interfaces
        Files.writeString(config, "\nlistenPort=" + FreePorts.single() + "\nbindAddress=127.0.0.1\nhttpListenPort="
            + FreePorts.single() + "\n", StandardOpenOption.APPEND);
        Map<String, String> environment = ServiceRun.environment(installed.user(), installed.home(), documented);
        Path gcLog = Path.of(matching("file=([^:]+):", documented.get("JAVA_OPT_EXT")));

        // Without the directory LogsDirectory= makes, the JVM does not start: the line is needed.
        try (ServiceRun refused = ServiceRun.start(execStart, environment, root.root())) {
            Integer code = refused.awaitExitReading(BOOT);
            assertNotNull(code, "a JVM whose GC log cannot be opened starts anyway");
            assertNotEquals(0, code, refused.output());
            assertTrue(refused.output().contains(gcLog.toString()), refused.output());
        }
        for (String logs : unit.values("Service", "LogsDirectory")) {
            Files.createDirectories(root.path("/var/log/" + logs));
        }

        Duration stopTimeout = Duration.ofSeconds(Long.parseLong(unit.value("Service", "TimeoutStopSec")));
        List<Integer> success = Arrays.stream(unit.value("Service", "SuccessExitStatus").split(" "))
            .map(Integer::valueOf).toList();
        Path home = installed.home();
        try (ServiceRun first = ServiceRun.start(execStart, environment, root.root())) {
            int port = first.awaitBoot(BOOT);
            assertFalse(first.output().contains("Building"), "an installed distribution never rebuilds: " + first.output());
            assertFalse(Files.exists(rocketmqHome.resolve("target/runtime")), "nor copies itself");
            assertTrue(ProcessHandle.of(first.pid()).flatMap(h -> h.info().command()).orElse("").endsWith("/java"),
                "ExecStart's process is the JVM itself (the script execs it), so systemd signals and reaps the server");
            assertEquals(ResponseCode.SUCCESS, KvRequests.put(port, "TopicA", "broker-a:4"));
            assertTrue(Files.isRegularFile(home.resolve("logs/rocketmqlogs/namesrv.log")), "logs under ~/logs/rocketmqlogs");
            assertTrue(Files.readString(home.resolve("namesrv/kvConfig.json")).contains("broker-a:4"), "KV store under ~/namesrv");
            Await.until("the GC log of JAVA_OPT_EXT", Duration.ofSeconds(30),
                () -> Files.isRegularFile(gcLog) && Files.readString(gcLog).contains("Using "), Boolean::booleanValue);

            assertEquals("SIGTERM", unit.value("Service", "KillSignal"));
            first.terminate();
            Integer code = first.awaitExit(stopTimeout);
            assertNotNull(code, "still running " + stopTimeout + " after SIGTERM: " + first.output());
            assertTrue(success.contains(code) && code == 0, "exit status after SIGTERM " + code + ": " + first.output());
            assertTrue(Files.isRegularFile(home.resolve("namesrv/routeSnapshot.json")), "route snapshot under ~/namesrv");
        }
        int haltAfter = Integer.parseInt(matching("shutdownTimeoutSeconds \\((\\d+)\\)", unit.comments()));
        assertEquals(new LimitsConfig().getShutdownTimeoutSeconds(), haltAfter, "the comment gives the default");
        assertTrue(haltAfter < stopTimeout.toSeconds(), "the server halts a hung stop before systemd kills it");

        // The installed jar overwritten under a running server (an upgrade without a stop): status 3.
        try (ServiceRun second = ServiceRun.start(execStart, environment, root.root())) {
            int port = second.awaitBoot(BOOT);
            InPlaceJarRewrite.rewrite(rocketmqHome.resolve("target/namesrv.jar"));
            try {
                KvRequests.put(port, "TopicB", "broker-b:4");
            } catch (Exception e) {
                // the request may fail in any way; what matters is how the process ends
            }
            Integer code = second.awaitExit(Duration.ofSeconds(60));
            assertEquals(3, code, second.output());
            assertTrue(unit.comments().contains("Status 3: the server gave up"), unit.comments());
            assertEquals("on-failure", unit.value("Service", "Restart"));
            assertFalse(success.contains(code), "on-failure restarts a status that is not a SuccessExitStatus");
        }
        // ... and the restart systemd then makes runs on the files now installed, with the KV store kept.
        try (ServiceRun restarted = ServiceRun.start(execStart, environment, root.root())) {
            int port = restarted.awaitBoot(BOOT);
            assertEquals("broker-a:4", KvRequests.get(port, "TopicA"));
            restarted.terminate();
            assertEquals(0, restarted.awaitExit(stopTimeout), restarted.output());
        }
    }

    private static String matching(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }
}
