package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", server.httpPort());
        s.setSoTimeout(BOUND_MILLIS);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** Everything the server sends until it closes the connection; fails if it does not within the bound. */
    private static String untilClosed(Socket s) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + BOUND_MILLIS + " ms", e);
        } catch (SocketException e) {
            // reset by the server: closed too
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    }

    /** A normal scraper and a normal client are served. */
    private void othersAreServed() throws IOException {
        try (Socket s = open()) {
            send(s, get("/health"));
            assertTrue(untilClosed(s).startsWith("HTTP/1.1 200"), "a normal scraper gets /health");
        }
        assertEquals(ResponseCode.SUCCESS, broker.call(Requests.route("Probe")).getCode(), "the remoting port answers");
    }

    @Test
    void slowlorisIsCutOffAtTheRequestDeadlineWhateverItTrickles() throws Exception {
        List<Socket> lorises = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS / 2; i++) {
                Socket s = open();
                send(s, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                lorises.add(s);
            }
            long start = System.nanoTime();
            // One header byte every 100 ms: a read timeout would never fire.
            boolean allClosed = false;
            while (!allClosed && System.nanoTime() - start < BOUND_MILLIS * 1_000_000L) {
                allClosed = true;
                for (Socket s : lorises) {
                    try {
                        send(s, "X");
                        allClosed = false;
                    } catch (IOException closed) {
                        // cut off
                    }
                }
                Thread.sleep(100);
            }
            assertTrue(allClosed, "every slowloris connection is closed by the request deadline");
            assertTrue(System.nanoTime() - start >= REQUEST_MILLIS * 1_000_000L / 2, "not before its deadline");
            othersAreServed();
        } finally {
            for (Socket s : lorises) {
                s.close();
            }
        }
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
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS + 1; i++) {
                sockets.add(open());
            }
            int answered = 0;
            int refused = 0;
            for (Socket s : sockets) {
                String answer;
                try {
                    send(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    answer = untilFirstLineOrClosed(s);
                } catch (SocketException closed) {
                    answer = "";
                }
                if (answer.startsWith("HTTP/1.1 200")) {
                    answered++;
                } else {
                    assertEquals("", answer, "a connection beyond the limit is closed unanswered");
                    refused++;
                }
            }
            assertEquals(MAX_CONNECTIONS, answered, "connections within the limit are served");
            assertEquals(1, refused, "the one beyond the limit is closed");
            assertEquals(ResponseCode.SUCCESS, broker.call(Requests.route("Probe")).getCode(), "the remoting port answers");
            for (Socket s : sockets) {
                untilClosed(s); // kept alive, then idle: closed at the request deadline
            }
            othersAreServed();
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** The status line of the answer, or "" if the server closes the connection first. */
    private static String untilFirstLineOrClosed(Socket s) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = s.getInputStream();
        try {
            for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
                line.append((char) c);
            }
        } catch (SocketException reset) {
            // closed
        }
        return line.toString();
    }

    @Test
    void hugeRequestLinesAndHeadersGetBadRequestAndAreClosed() throws Exception {
        for (String request : List.of(
            "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(100_000) + "\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Many: c\r\n".repeat(20_000) + "\r\n")) {
            try (Socket s = open()) {
                try {
                    send(s, request);
                } catch (SocketException closedWhileSending) {
                    continue; // the server refused before reading it all: closed too
                }
                String answer = untilClosed(s);
                assertTrue(answer.isEmpty() || answer.matches("(?s)HTTP/1\\.[01] (400|413|414|431) .*"),
                    request.substring(0, 40) + ": " + answer.lines().findFirst().orElse(""));
            }
        }
        othersAreServed();
    }

    @Test
    void traversalFindsNoFileAndEchoesNothingUnescaped() throws Exception {
        for (String path : List.of("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2f..%2fetc%2fpasswd", "/static/..%5c..%5cwindows%5cwin.ini", "/routes/..%2F..%2Fetc%2Fpasswd",
            "//etc/passwd", "/static/status.js/../../../../etc/passwd")) {
            try (Socket s = open()) {
                send(s, get(path));
                String answer = untilClosed(s);
                assertTrue(answer.startsWith("HTTP/1.1 404") || answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
                assertFalse(answer.contains("root:"), path + " served a file: " + answer);
            }
        }
        othersAreServed();
    }

    @Test
    void everyMethodButGetAndHeadIsRefusedWith405() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "BREW")) {
            try (Socket s = open()) {
                send(s, method + " /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                String answer = untilClosed(s);
                assertTrue(answer.startsWith("HTTP/1.1 405"), method + ": " + answer);
                assertTrue(answer.toLowerCase().contains("allow: get, head"), method + ": " + answer);
            }
        }
        othersAreServed();
    }

    @Test
    void aScraperThatPipelinesAndNeverReadsIsClosedAtTheAnswerDeadline() throws Exception {
        try (Socket s = open()) {
            s.setReceiveBufferSize(4096);
            String pipelined = String.join("", IntStream.range(0, 5_000)
                .mapToObj(i -> "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").toList());
            Thread writer = new Thread(() -> {
                try {
                    send(s, pipelined);
                } catch (IOException closed) {
                    // the server stopped reading, then closed: expected
                }
            }, "never-reading-scraper");
            writer.start();
            long start = System.nanoTime();
            // Never read; the server must give up on this connection at the answer deadline.
            boolean closed = false;
            while (!closed && System.nanoTime() - start < BOUND_MILLIS * 1_000_000L) {
                othersAreServed();
                closed = server.controller().httpOpenConnections() == 0;
                Thread.sleep(200);
            }
            assertTrue(closed, "the never-reading scraper's connection is closed");
            writer.join(BOUND_MILLIS);
            assertFalse(writer.isAlive(), "the scraper's writes end once the server closes");
        }
        othersAreServed();
    }
}
