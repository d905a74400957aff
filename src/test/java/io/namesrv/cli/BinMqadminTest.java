package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import io.namesrv.cli.support.ApacheMqAdmin;
import io.namesrv.cli.support.BinMqadmin;
import io.namesrv.cli.support.BinMqadmin.Run;
import io.namesrv.cli.support.FakeBroker;
import io.namesrv.namesrv.TestNameServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.tools.command.topic.TopicRouteSubCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real script, bin/mqadmin, as an operator runs it: its output, exit codes and streams. */
class BinMqadminTest {

    private static Run mqadmin(Path tmp, String... args) throws IOException, InterruptedException {
        return BinMqadmin.run(tmp, args);
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
