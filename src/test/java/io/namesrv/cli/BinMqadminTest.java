package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import io.namesrv.cli.support.ApacheMqAdmin;
import io.namesrv.cli.support.FakeBroker;
import io.namesrv.interop.support.ChildClasspath;
import io.namesrv.namesrv.TestNameServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.rocketmq.tools.command.topic.TopicRouteSubCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real script, bin/mqadmin, as an operator runs it: its output, exit codes and streams. */
class BinMqadminTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run mqadmin(Path tmp, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of("bin", "mqadmin").toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("MQADMIN_CLASSPATH", runtimeLikeClasspath());
        pb.environment().remove("NAMESRV_ADDR");
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/mqadmin " + String.join(" ", args) + " did not finish in 30 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    // Our classes and jars without Apache's shaded SLF4J bridge, which would make SLF4J warn about two
    // providers on stderr: a real installation (target/lib) has only logback.
    private static String runtimeLikeClasspath() {
        return Arrays.stream(ChildClasspath.forChildren().split(File.pathSeparator))
            .filter(entry -> !entry.contains("aliyunmq"))
            .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void scriptPrintsWhatApachePrintsAndExitsNonZeroOnFailure(@TempDir Path tmp) throws Exception {
        try (TestNameServer ns = TestNameServer.start(tmp);
             FakeBroker broker = new FakeBroker("C1", "broker-a", 0, Map.of())) {
            broker.registerWith(ns.address(), List.of("T1", "T2"));

            Run route = mqadmin(tmp, "topicRoute", "-n", ns.address(), "-t", "T1", "-l");
            assertEquals(0, route.exitCode(), route.err());
            assertEquals(ApacheMqAdmin.run(new TopicRouteSubCommand(), ns.address(), "-t", "T1", "-l"), route.out());
            assertEquals("", route.err());

            Run json = mqadmin(tmp, "topicRoute", "-n", ns.address(), "-t", "T1", "--json");
            assertEquals("broker-a", JSON.parseObject(json.out()).getJSONArray("brokerDatas").getJSONObject(0)
                .getString("brokerName"));

            Run missing = mqadmin(tmp, "topicRoute", "-n", ns.address(), "-t", "NoSuchTopic");
            assertEquals(1, missing.exitCode());
            assertEquals("topicRoute: no route for topic 'NoSuchTopic' on " + ns.address() + "\n", missing.err());
            assertEquals("", missing.out());

            Run usage = mqadmin(tmp, "topicRoute", "-n", ns.address());
            assertEquals(2, usage.exitCode());
            assertTrue(usage.err().contains("Missing required option: t"), usage.err());

            Run help = mqadmin(tmp, "help", "deleteTopic");
            assertEquals(0, help.exitCode());
            assertTrue(help.out().contains("DELETE_TOPIC_IN_BROKER") || help.out().contains("(215)"), help.out());
        }
    }
}
