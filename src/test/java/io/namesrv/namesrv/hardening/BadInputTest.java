package io.namesrv.namesrv.hardening;

import java.time.Duration;
import io.namesrv.interop.support.Await;
import static io.namesrv.namesrv.hardening.HostileFrames.concat;
import static io.namesrv.namesrv.hardening.HostileFrames.ints;
import static io.namesrv.namesrv.hardening.HostileFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed frames, headers and bodies sent over loopback to the running daemon with raw sockets.
 * Broken framing must close that one connection; a bad header or body must get an error answer
 * with a remark (not an escaped exception) on a connection that keeps working. Meanwhile a
 * well-behaved client on its own connection keeps getting routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final String PROBE_TOPIC = "probe-topic";

    private TestNameServer server;
    private WireClient broker;
    private RouteProber prober;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestNameServer.start(dir);
        broker = new WireClient(server.port());
        RemotingCommand registered = broker.call(Requests.register("probe-broker", "127.0.0.1:10911", 600_000,
            List.of(PROBE_TOPIC, "probe-topic-b")));
        assertEquals(ResponseCode.SUCCESS, registered.getCode(), registered.getRemark());
        prober = new RouteProber(server.port(), PROBE_TOPIC);
        assertTrue(prober.answersAgain(5), "the well-behaved client is not served");
    }

    @AfterAll
    void stop() throws Exception {
        if (prober != null) {
            prober.close();
            assertEquals(List.of(), prober.failures(), "the well-behaved client saw failures");
        }
        if (broker != null) {
            broker.close();
        }
        if (server != null) {
            server.close();
        }
    }

    // ------------------------------------------------------------------ broken framing: close

    static Stream<Arguments> brokenFrames() {
        return HostileFrames.broken().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFrames")
    void brokenFramingClosesOnlyThatConnection(String attack, byte[] bytes) throws Exception {
        try (WireClient attacker = new WireClient(server.port(), 5000)) {
            attacker.writeRaw(bytes);
            assertTrue(attacker.closedByPeer(), attack + ": the server kept the connection open");
        }
        assertTrue(prober.answersAgain(3), attack + ": the well-behaved client stopped being served");
        assertEquals(ResponseCode.SUCCESS, broker.call(Requests.route(PROBE_TOPIC)).getCode(),
            attack + ": the broker's connection was harmed");
    }

    @Test
    void truncatedFrameHoldsOnlyItsOwnConnectionAndIsFreedOnClose() throws Exception {
        // Only the broker's and the prober's connections stay open between tests; the others'
        // closes may still be on their way.
        int before = 2;
        assertTrue(awaitOpenConnections(before), "connections of earlier tests still open");
        WireClient attacker = new WireClient(server.port(), 300);
        attacker.writeRaw(concat(ints(1000, 0x3A), utf8("{\"code\":105")));
        assertFalse(attacker.closedByPeer(), "a frame still arriving is not an error yet");
        assertTrue(prober.answersAgain(5), "a half-sent frame blocked others");
        assertTrue(awaitOpenConnections(before + 1), "the half-sent frame's connection is not open");
        attacker.reset();
        assertTrue(awaitOpenConnections(before), "the half-sent frame's connection was not released");
    }

    @Test
    void frameSplitIntoSingleBytesStillDecodes() throws Exception {
        RemotingCommand request = Requests.route(PROBE_TOPIC);
        request.setOpaque(77);
        byte[] bytes = WireClient.frame(request);
        try (WireClient client = new WireClient(server.port())) {
            for (byte b : bytes) {
                client.writeRaw(new byte[] {b});
            }
            RemotingCommand answer = client.read();
            assertEquals(77, answer.getOpaque());
            assertEquals(ResponseCode.SUCCESS, answer.getCode());
        }
    }

    @Test
    void aResponseSentToTheServerIsIgnoredAndTheConnectionStaysUsable() throws Exception {
        try (WireClient client = new WireClient(server.port())) {
            RemotingCommand stray = Requests.route(PROBE_TOPIC);
            stray.markResponseType();
            client.send(stray);
            RemotingCommand answer = client.call(Requests.route(PROBE_TOPIC));
            assertEquals(ResponseCode.SUCCESS, answer.getCode());
        }
    }

    @Test
    void onewayRequestWithABadBodyGetsNoAnswerAndBreaksNothing() throws Exception {
        try (WireClient client = new WireClient(server.port())) {
            RemotingCommand bad = Requests.registerWithBody(utf8("{not json"), false, 0);
            bad.markOneway();
            client.send(bad);
            RemotingCommand answer = client.call(Requests.route(PROBE_TOPIC));
            assertEquals(ResponseCode.SUCCESS, answer.getCode(), "the oneway request must not be answered");
        }
    }

    // ------------------------------------------------------------------ bad header or body: error answer

    static Stream<Arguments> badRequests() throws IOException {
        return Stream.of(
            Arguments.of("REGISTER_BROKER without cluster, address, id", withExt(RequestCode.REGISTER_BROKER,
                Map.of("brokerName", "b")), ResponseCode.SYSTEM_ERROR, "missing header field"),
            Arguments.of("REGISTER_BROKER brokerId is a word", withExt(RequestCode.REGISTER_BROKER, Map.of(
                "brokerName", "b", "brokerAddr", "127.0.0.1:1", "clusterName", "c", "brokerId", "abc")),
                ResponseCode.SYSTEM_ERROR, "brokerId"),
            Arguments.of("REGISTER_BROKER body is not JSON", Requests.registerWithBody(utf8("{not json"), false, 0),
                ResponseCode.SYSTEM_ERROR, "malformed body"),
            Arguments.of("REGISTER_BROKER wrapper is a number",
                Requests.registerWithBody(utf8("{\"topicConfigSerializeWrapper\":5}"), false, 0),
                ResponseCode.SYSTEM_ERROR, "malformed body"),
            Arguments.of("REGISTER_BROKER queue count is a word", Requests.registerWithBody(utf8(
                "{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"t\":{\"readQueueNums\":\"many\"}}}}"), false, 0),
                ResponseCode.SYSTEM_ERROR, "malformed body"),
            Arguments.of("REGISTER_BROKER body CRC mismatch", Requests.registerWithBody(utf8("{}"), false, 12345),
                ResponseCode.SYSTEM_ERROR, "crc32 not match"),
            Arguments.of("REGISTER_BROKER compressed body is not Deflate",
                Requests.registerWithBody(utf8("this is not deflate"), true, 0), ResponseCode.SYSTEM_ERROR, "malformed body"),
            Arguments.of("REGISTER_BROKER compressed body claims 2^31-1 topics", compressed(out -> {
                item(out, utf8("{\"counter\":1,\"stateVersion\":0,\"timestamp\":1}"));
                out.writeInt(Integer.MAX_VALUE);
                item(out, utf8("t 1 1 6 SINGLE_TAG {}"));
            }), ResponseCode.SYSTEM_ERROR, "topic count"),
            Arguments.of("REGISTER_BROKER compressed body claims -1 topics", compressed(out -> {
                item(out, utf8("{\"counter\":1,\"stateVersion\":0,\"timestamp\":1}"));
                out.writeInt(-1);
            }), ResponseCode.SYSTEM_ERROR, "topic count"),
            Arguments.of("REGISTER_BROKER compressed item of 2 GiB", compressed(out -> out.writeInt(Integer.MAX_VALUE)),
                ResponseCode.SYSTEM_ERROR, "bad item length 2147483647"),
            Arguments.of("REGISTER_BROKER compressed item of -5 bytes", compressed(out -> out.writeInt(-5)),
                ResponseCode.SYSTEM_ERROR, "item length"),
            Arguments.of("REGISTER_BROKER compressed zip bomb (40 MiB of zeros)", compressed(out -> {
                out.writeInt(40 * 1024 * 1024);
                out.write(new byte[40 * 1024 * 1024]);
            }), ResponseCode.SYSTEM_ERROR, "register broker refused, nothing registered: the register body inflates to"
                + " more than 33554432 bytes: maxRegistrationBodyBytes=33554432"),
            Arguments.of("REGISTER_BROKER compressed stream cut short", truncatedCompressed(),
                ResponseCode.SYSTEM_ERROR, "malformed body"),
            Arguments.of("REGISTER_BROKER compressed bad topic line", compressed(out -> {
                item(out, utf8("{\"counter\":1,\"stateVersion\":0,\"timestamp\":1}"));
                out.writeInt(1);
                item(out, utf8("t x y z"));
            }), ResponseCode.SYSTEM_ERROR, "malformed body"),
            Arguments.of("QUERY_DATA_VERSION body is not JSON", withBody(RequestCode.QUERY_DATA_VERSION,
                Map.of("brokerName", "b", "brokerAddr", "127.0.0.1:1", "clusterName", "c", "brokerId", "0"),
                utf8("[[[")), ResponseCode.SYSTEM_ERROR, "malformed DataVersion"),
            Arguments.of("REGISTER_TOPIC_IN_NAMESRV body is not a route", withBody(RequestCode.REGISTER_TOPIC_IN_NAMESRV,
                Map.of("topic", "t"), utf8("{\"queueDatas\":7}")), ResponseCode.SYSTEM_ERROR, "malformed TopicRouteData"),
            Arguments.of("PUT_KV_CONFIG without key", withExt(RequestCode.PUT_KV_CONFIG, Map.of("namespace", "ns")),
                ResponseCode.SYSTEM_ERROR, "namespace or key is null"),
            Arguments.of("unknown request code", withExt(54321, Map.of()), ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                "not supported"),
            Arguments.of("negative request code", withExt(-7, Map.of()), ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                "not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badHeaderOrBodyGetsAnErrorAnswerAndTheConnectionKeepsWorking(String attack, RemotingCommand request,
                                                                     int expectedCode, String remarkPart)
            throws Exception {
        try (WireClient client = new WireClient(server.port())) {
            RemotingCommand answer = client.call(request);
            assertEquals(expectedCode, answer.getCode(), attack + ": " + answer.getRemark());
            assertNotNull(answer.getRemark(), attack + ": no remark");
            assertTrue(answer.getRemark().contains(remarkPart), attack + ": remark " + answer.getRemark());
            assertFalse(answer.getRemark().startsWith("java."),
                attack + ": an exception escaped to the catch-all: " + answer.getRemark());
            assertEquals(ResponseCode.SUCCESS, client.call(Requests.route(PROBE_TOPIC)).getCode(),
                attack + ": the connection stopped working after the error answer");
        }
        assertTrue(prober.answersAgain(3), attack + ": the well-behaved client stopped being served");
    }

    @Test
    void malformedRegistrationsLeaveNoBrokerBehind() throws Exception {
        try (WireClient client = new WireClient(server.port())) {
            client.call(Requests.registerWithBody(utf8("{not json"), false, 0));
        }
        long brokers = server.controller().getRouteInfoManager().liveBrokers().stream()
            .filter(b -> b.brokerAddr().equals("127.0.0.1:1")).count();
        assertEquals(0, brokers, "a rejected registration registered a broker");
        assertNotEquals(0, server.controller().getRouteInfoManager().liveBrokers().size());
    }

    // ------------------------------------------------------------------ helpers

    private boolean awaitOpenConnections(int expected) {
        return Await.last(Duration.ofSeconds(5), server.controller().getRemotingServer()::connectionCount,
            n -> n == expected) == expected;
    }

    private static RemotingCommand withExt(int code, Map<String, String> ext) {
        RemotingCommand cmd = RemotingCommand.request(code, null).setVersion(Requests.BROKER_VERSION);
        cmd.setExtFields(new HashMap<>(ext));
        return cmd;
    }

    private static RemotingCommand withBody(int code, Map<String, String> ext, byte[] body) {
        return withExt(code, ext).setBody(body);
    }

    private interface StreamWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static void item(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] deflate(StreamWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            writer.write(out);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static RemotingCommand compressed(StreamWriter writer) throws IOException {
        byte[] body = deflate(writer);
        CRC32 crc = new CRC32();
        crc.update(body);
        return Requests.registerWithBody(body, true, (int) (crc.getValue() & 0x7FFFFFFF)); // as Apache's brokers
    }

    private static RemotingCommand truncatedCompressed() throws IOException {
        byte[] whole = deflate(out -> {
            item(out, utf8("{\"counter\":1,\"stateVersion\":0,\"timestamp\":1}"));
            out.writeInt(3);
            for (int i = 0; i < 3; i++) {
                item(out, utf8("topic" + i + " 1 1 6 SINGLE_TAG {}"));
            }
            item(out, utf8("[]"));
        });
        byte[] cut = new byte[whole.length / 2];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        return Requests.registerWithBody(cut, true, 0);
    }
}
