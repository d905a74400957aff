package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #11072: while the name server stops, its broker connections close and take their brokers out
 * of the tables. A client streaming route lookups through the whole shutdown gets, for every
 * answer, either the full route or SYSTEM_ERROR "name server not ready": never a route missing
 * a broker, never TOPIC_NOT_EXIST.
 */
class ShutdownLookupsTest {

    private static final String TOPIC = "ShutdownTopic";
    private final JsonBodies json = new JsonBodies();

    @Test
    void lookupsDuringShutdownGetTheWholeRouteOrNameServerNotReady(@TempDir Path dir) throws Exception {
        TestNameServer server = TestNameServer.start(dir);
        List<RemotingCommand> answers = new ArrayList<>();
        try (WireClient brokerA = new WireClient(server.port()); WireClient brokerB = new WireClient(server.port());
             WireClient client = new WireClient(server.port())) {
            assertEquals(0, brokerA.call(Requests.register("shutdown-a", "127.0.0.1:42011", 120_000,
                List.of(TOPIC, "ShutdownOther"))).getCode());
            assertEquals(0, brokerB.call(Requests.register("shutdown-b", "127.0.0.1:42021", 120_000,
                List.of(TOPIC, "ShutdownOther"))).getCode());
            assertEquals(2, route(client.call(Requests.route(TOPIC))).brokerDatas().size());

            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                try {
                    while (writing.get()) {
                        client.send(Requests.route(TOPIC));
                    }
                } catch (IOException closed) {
                    // the server closed the connection: the end of the stream
                }
            }, "TestLookupWriter");
            writer.start();
            Thread stopper = new Thread(() -> {
                // let some lookups flow first, so the shutdown lands in the middle of the stream
                readQuietly(client, answers, 200);
                server.close();
            }, "TestStopper");
            stopper.start();
            stopper.join(30_000);
            readQuietly(client, answers, Integer.MAX_VALUE);
            writing.set(false);
            writer.join(10_000);
        }
        assertTrue(answers.size() >= 200, "lookups were answered before the shutdown: " + answers.size());
        int notReady = 0;
        for (RemotingCommand answer : answers) {
            if (answer.getCode() == 1) {
                assertEquals("name server not ready", answer.getRemark());
                notReady++;
            } else {
                assertEquals(0, answer.getCode(), answer.getRemark());
                assertEquals(2, route(answer).brokerDatas().size(), "never a partial route");
            }
        }
        System.out.println("ShutdownLookupsTest: " + answers.size() + " answers, " + notReady + " not ready");
    }

    private TopicRouteData route(RemotingCommand answer) {
        return json.decode(answer.getBody(), TopicRouteData.class);
    }

    /** Reads up to {@code max} answers, stopping quietly when the server closes the connection. */
    private static void readQuietly(WireClient client, List<RemotingCommand> answers, int max) {
        try {
            for (int i = 0; i < max; i++) {
                RemotingCommand answer = client.read();
                synchronized (answers) {
                    answers.add(answer);
                }
            }
        } catch (IOException closed) {
            // end of the stream
        }
    }
}
