package io.namesrv.namesrv.hardening;

import java.time.Duration;
import io.namesrv.interop.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brokers that die or fall silent, a name server killed with SIGKILL, a client that never reads. */
class FaultsTest {

    /** Writes each round must see acknowledged before the kill, so three rounds prove something. */
    private static final int ACKS_BEFORE_KILL = 5;

    @TempDir
    Path dir;

    @Test
    void brokerKilledWithAConnectionResetDisappearsAtOnce() throws Exception {
        try (TestNameServer server = TestNameServer.start(dir);
             WireClient client = new WireClient(server.port())) {
            WireClient broker = new WireClient(server.port());
            assertEquals(ResponseCode.SUCCESS, broker.call(Requests.register("doomed", "127.0.0.1:10911", 600_000,
                List.of("doomed-a", "doomed-b"))).getCode());
            assertEquals(ResponseCode.SUCCESS, client.call(Requests.route("doomed-a")).getCode());

            long killedAt = System.currentTimeMillis();
            broker.reset();
            long goneAfter = awaitRouteGone(client, "doomed-a", 3000) - killedAt;
            System.out.printf("reset broker gone from routes after %d ms%n", goneAfter);
            assertTrue(goneAfter < 1000, "a reset broker must vanish at once, not at its timeout: " + goneAfter + " ms");
            assertTrue(server.controller().getRouteInfoManager().liveBrokers().isEmpty());
        }
    }

    @Test
    void silentBrokerExpiresAtItsOwnTimeout() throws Exception {
        try (TestNameServer server = TestNameServer.builder(dir).namesrv(c -> c.setScanNotActiveBrokerInterval(100))
                .start();
             WireClient client = new WireClient(server.port());
             WireClient broker = new WireClient(server.port())) {
            long registeredAt = System.currentTimeMillis();
            assertEquals(ResponseCode.SUCCESS, broker.call(Requests.register("silent", "127.0.0.1:10912", 1000,
                List.of("silent-a", "silent-b"))).getCode());
            Thread.sleep(600);
            assertEquals(ResponseCode.SUCCESS, client.call(Requests.route("silent-a")).getCode(),
                "expired before its 1000 ms timeout");
            long goneAfter = awaitRouteGone(client, "silent-a", 5000) - registeredAt;
            System.out.printf("silent broker (timeout 1000 ms) gone after %d ms%n", goneAfter);
            assertTrue(goneAfter >= 1000 && goneAfter < 2000, "expired at " + goneAfter + " ms, not near 1000 ms");
        }
    }

    @Test
    void nameServerKilledWithSigkillRestartsWithEveryAcknowledgedKey() throws Exception {
        Random random = new Random();
        List<String> acknowledged = new ArrayList<>();
        Path kvConfig = null;
        for (int round = 0; round < 3; round++) {
            NameServerProcess daemon = kvConfig == null ? NameServerProcess.ours()
                : NameServerProcess.ours(Map.of("kvConfigPath", kvConfig.toString()));
            try {
                if (kvConfig == null) {
                    kvConfig = daemon.kvConfigPath(); // later rounds name it in their config: that path is the one
                }
                verifyKeys(daemon.port(), acknowledged, "after the kill before round " + round);
                acknowledged.addAll(writeUntilKilled(daemon, "r" + round, random.nextInt(400)));
            } finally {
                daemon.close();
            }
        }
        assertTrue(acknowledged.size() > 10, "too few acknowledged writes to prove anything: " + acknowledged.size());
        try (NameServerProcess last = NameServerProcess.ours(Map.of("kvConfigPath", kvConfig.toString()))) {
            verifyKeys(last.port(), acknowledged, "after the last kill");
        }
    }

    /**
     * PUT_KV_CONFIG in a loop from another thread; once {@link #ACKS_BEFORE_KILL} writes are
     * acknowledged (every write is fsynced, so a loaded machine may take a while), {@code extraMillis}
     * more, then SIGKILL in the middle of whatever write is under way.
     */
    private static List<String> writeUntilKilled(NameServerProcess daemon, String prefix, long extraMillis)
        throws Exception {
        List<String> acks = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            try (WireClient client = new WireClient(daemon.port())) {
                for (int i = 0; ; i++) {
                    String key = prefix + "-" + i;
                    if (client.call(Requests.putKv("crash", key, "v-" + key)).getCode() == ResponseCode.SUCCESS) {
                        acks.add(key);
                    }
                }
            } catch (IOException e) {
                // the kill cut the connection: what was acknowledged is in acks
            }
        }, "kv-writer-" + prefix);
        writer.start();
        Await.last(Duration.ofSeconds(30), acks::size, n -> n >= ACKS_BEFORE_KILL || !writer.isAlive());
        assertTrue(acks.size() >= ACKS_BEFORE_KILL, "only " + acks.size() + " writes acknowledged in 30 s");
        Thread.sleep(extraMillis);
        daemon.kill();
        writer.join(10_000);
        assertFalse(writer.isAlive(), "the writer did not notice the kill");
        assertFalse(daemon.isAlive());
        return acks;
    }

    private static void verifyKeys(int port, List<String> keys, String when) throws IOException {
        try (WireClient client = new WireClient(port)) {
            for (String key : keys) {
                RemotingCommand answer = client.call(Requests.getKv("crash", key));
                assertEquals(ResponseCode.SUCCESS, answer.getCode(), when + ": acknowledged key lost: " + key);
                assertEquals("v-" + key, answer.extField("value"), when + ": wrong value for " + key);
            }
        }
    }

    @Test
    void clientThatNeverReadsItsAnswersCannotBlockOthers() throws Exception {
        try (TestNameServer server = TestNameServer.start(dir)) {
            WireClient broker = new WireClient(server.port());
            assertEquals(ResponseCode.SUCCESS, broker.call(Requests.register("big", "127.0.0.1:10913", 600_000,
                HostileRemoting.bigAnswerTopics(2000))).getCode());
            HostileRemoting.NeverReadingClient stuck = new HostileRemoting.NeverReadingClient(server.port());

            LatencyProbe probe = LatencyProbe.run(server.port(), "big-route-topic-with-a-long-name-7", 3000);
            boolean closed = stuck.closedWithin(10_000);
            System.out.printf("stuck client: %d requests written before the server closed it; others: %s; "
                + "direct memory %d MiB%n", stuck.written(), probe,
                io.netty.buffer.PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory() >> 20);
            assertTrue(closed, "the server never closed a client that does not read its answers");
            assertEquals(List.of(), probe.failures());
            assertTrue(probe.maxMillis() < 2500, "others were slowed down: " + probe);

            stuck.reset();
            broker.close();
            assertEquals(0, Await.last(Duration.ofSeconds(5), server.controller().getRemotingServer()::connectionCount,
                n -> n == 0), "the stuck connection leaked");
        }
    }

    /** Polls the route until it is gone; returns the time it was first seen gone. */
    private static long awaitRouteGone(WireClient client, String topic, long timeoutMillis) {
        Await.until("the route of " + topic + " to go", Duration.ofMillis(timeoutMillis),
            () -> client.call(Requests.route(topic)).getCode() == ResponseCode.TOPIC_NOT_EXIST, gone -> gone);
        return System.currentTimeMillis();
    }
}
