package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second hostile set against the operations HTTP port, on raw sockets: slowloris, a flood of
 * idle connections, huge request lines and headers, traversal, every method but GET and HEAD, a
 * scraper that pipelines requests and never reads. Each is answered or cut off within its bound,
 * and meanwhile a normal scraper gets /health and a broker's client its route on the remoting port.
 * Short timeouts and a small connection limit stand in for the defaults: the code path is the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpHostileTest {

    private static final int MAX_CONNECTIONS = 16;
    private static final int REQUEST_MILLIS = 3_000;
    private static final int ANSWER_MILLIS = 3_000;
    /** Every cut-off must come well within this, whatever the machine's load. */
    private static final int BOUND_MILLIS = 15_000;

    private TestNameServer server;
    private WireClient broker;
    private HostileHttp http;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestNameServer.builder(dir).withHttp().http(h -> {
            h.setHttpMaxConnections(MAX_CONNECTIONS);
            h.setHttpRequestTimeoutMillis(REQUEST_MILLIS);
            h.setHttpAnswerTimeoutMillis(ANSWER_MILLIS);
        }).start();
        broker = new WireClient(server.port());
        RemotingCommand registered = broker.call(Requests.register(Requests.CLUSTER, "b", "10.0.0.1:10911", 0, 60_000,
            List.of("Probe", "Other"), false));
        assertEquals(ResponseCode.SUCCESS, registered.getCode(), registered.getRemark());
        http = new HostileHttp(server.httpPort(), BOUND_MILLIS);
    }

    @AfterAll
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A normal scraper and a normal client are served. */
    private void othersAreServed() throws IOException {
        try (Socket s = http.open()) {
            HostileHttp.send(s, HostileHttp.get("/health"));
            assertTrue(http.untilClosed(s).startsWith("HTTP/1.1 200"), "a normal scraper gets /health");
        }
        assertEquals(ResponseCode.SUCCESS, broker.call(Requests.route("Probe")).getCode(), "the remoting port answers");
    }

    @Test
    void slowlorisIsCutOffAtTheRequestDeadlineWhateverItTrickles() throws Exception {
        long closedAfter = http.slowloris(MAX_CONNECTIONS / 2);
        assertTrue(closedAfter >= 0, "every slowloris connection is closed by the request deadline");
        assertTrue(closedAfter >= REQUEST_MILLIS / 2, "not before its deadline: " + closedAfter + " ms");
        othersAreServed();
    }

    /** Connections the other tests left may still be counted for a moment: wait until the server let them go. */
    private void noHttpConnectionsOpen() throws InterruptedException {
        long end = System.nanoTime() + BOUND_MILLIS * 1_000_000L;
        while (server.controller().httpOpenConnections() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(0, server.controller().httpOpenConnections());
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnceAndIdleOnesAtTheDeadline() throws Exception {
        noHttpConnectionsOpen();
        try (HostileHttp.Crowd crowd = http.crowd(MAX_CONNECTIONS + 1)) {
            assertEquals(List.of(), crowd.otherAnswers(), "a connection beyond the limit is closed unanswered");
            assertEquals(MAX_CONNECTIONS, crowd.answered(), "connections within the limit are served");
            assertEquals(1, crowd.closedUnanswered(), "the one beyond the limit is closed");
            assertEquals(ResponseCode.SUCCESS, broker.call(Requests.route("Probe")).getCode(), "the remoting port answers");
            for (Socket s : crowd.sockets()) {
                http.untilClosed(s); // kept alive, then idle: closed at the request deadline
            }
            othersAreServed();
        }
    }

    @Test
    void hugeRequestLinesAndHeadersGetBadRequestAndAreClosed() throws Exception {
        List<String> requests = HostileHttp.hugeRequests();
        List<String> answers = http.eachOnItsOwnConnection(requests);
        for (int i = 0; i < requests.size(); i++) {
            String answer = answers.get(i);
            assertTrue(answer.isEmpty() || answer.matches("(?s)HTTP/1\\.[01] (400|413|414|431) .*"),
                requests.get(i).substring(0, 40) + ": " + answer.lines().findFirst().orElse(""));
        }
        othersAreServed();
    }

    @Test
    void traversalFindsNoFileAndEchoesNothingUnescaped() throws Exception {
        List<String> answers = http.eachOnItsOwnConnection(HostileHttp.TRAVERSAL_PATHS.stream().map(HostileHttp::get)
            .toList());
        for (int i = 0; i < answers.size(); i++) {
            String path = HostileHttp.TRAVERSAL_PATHS.get(i);
            String answer = answers.get(i);
            assertTrue(answer.startsWith("HTTP/1.1 404") || answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
            assertFalse(answer.contains("root:"), path + " served a file: " + answer);
        }
        othersAreServed();
    }

    @Test
    void everyMethodButGetAndHeadIsRefusedWith405() throws Exception {
        List<String> answers = http.eachOnItsOwnConnection(HostileHttp.WRONG_METHODS.stream().map(HostileHttp::method)
            .toList());
        for (int i = 0; i < answers.size(); i++) {
            String method = HostileHttp.WRONG_METHODS.get(i);
            String answer = answers.get(i);
            assertTrue(answer.startsWith("HTTP/1.1 405"), method + ": " + answer);
            assertTrue(answer.toLowerCase().contains("allow: get, head"), method + ": " + answer);
        }
        othersAreServed();
    }

    @Test
    void aScraperThatPipelinesAndNeverReadsIsClosedAtTheAnswerDeadline() throws Exception {
        try (HostileHttp.NeverReadingScraper scraper = new HostileHttp.NeverReadingScraper(http, 5_000)) {
            long start = System.nanoTime();
            // Never read; the server must give up on this connection at the answer deadline.
            boolean closed = false;
            while (!closed && System.nanoTime() - start < BOUND_MILLIS * 1_000_000L) {
                othersAreServed();
                closed = server.controller().httpOpenConnections() == 0;
                Thread.sleep(200);
            }
            assertTrue(closed, "the never-reading scraper's connection is closed");
            assertTrue(scraper.writesEnded(BOUND_MILLIS), "the scraper's writes end once the server closes");
        }
        othersAreServed();
    }
}
