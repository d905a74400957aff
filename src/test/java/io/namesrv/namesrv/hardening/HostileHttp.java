package io.namesrv.namesrv.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The second hostile set's attacks on the operations HTTP port, on raw sockets, and what the
 * server was seen to do about each. Shared by {@link HttpHostileTest} (which asserts on what is
 * seen) and {@link HostileSetRun} (which reports it, with the memory figures).
 */
final class HostileHttp {

    static final List<String> TRAVERSAL_PATHS = List.of("/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/static/..%5c..%5cwindows%5cwin.ini",
        "/routes/..%2F..%2Fetc%2Fpasswd", "//etc/passwd", "/static/status.js/../../../../etc/passwd");
    static final List<String> WRONG_METHODS = List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND",
        "BREW");
    /** What the server sends on a connection it closes without a word. */
    static final String CLOSED_UNANSWERED = "";

    private final int port;
    private final int boundMillis;

    /** Attacks on {@code port}; every read waits at most {@code boundMillis} for the server. */
    HostileHttp(int port, int boundMillis) {
        this.port = port;
        this.boundMillis = boundMillis;
    }

    /** A request line of 100,000 characters; a 100,000-character header; 20,000 headers. */
    static List<String> hugeRequests() {
        return List.of(
            "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(100_000) + "\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Many: c\r\n".repeat(20_000) + "\r\n");
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    }

    static String method(String method) {
        return method + " /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    }

    Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(boundMillis);
        return s;
    }

    static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** Everything the server sends until it closes the connection; an IOException if it does not within the bound. */
    String untilClosed(Socket s) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the server did not close the connection within " + boundMillis + " ms", e);
        } catch (SocketException e) {
            // reset by the server: closed too
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status line of the answer, or {@link #CLOSED_UNANSWERED} if the server closes the connection first. */
    static String untilFirstLineOrClosed(Socket s) throws IOException {
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

    /**
     * Each request on a connection of its own: the whole answer up to the server's close, or
     * {@link #CLOSED_UNANSWERED} if it closed while the request was still being sent.
     */
    List<String> eachOnItsOwnConnection(List<String> requests) throws IOException {
        List<String> answers = new ArrayList<>();
        for (String request : requests) {
            try (Socket s = open()) {
                try {
                    send(s, request);
                } catch (SocketException closedWhileSending) {
                    answers.add(CLOSED_UNANSWERED); // the server refused before reading it all
                    continue;
                }
                answers.add(untilClosed(s));
            }
        }
        return answers;
    }

    /**
     * Slowloris: {@code count} connections send a request line, then one header byte each every
     * 100 ms, so no read timeout would ever fire. Returns the milliseconds until the server had
     * closed them all, or -1 if some were still open after the bound.
     */
    long slowloris(int count) throws IOException, InterruptedException {
        List<Socket> lorises = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket s = open();
                send(s, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                lorises.add(s);
            }
            long start = System.nanoTime();
            while (System.nanoTime() - start < boundMillis * 1_000_000L) {
                boolean allClosed = true;
                for (Socket s : lorises) {
                    try {
                        send(s, "X");
                        allClosed = false;
                    } catch (IOException closed) {
                        // cut off
                    }
                }
                if (allClosed) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
                Thread.sleep(100);
            }
            return -1;
        } finally {
            for (Socket s : lorises) {
                s.close();
            }
        }
    }

    /** {@code count} connections, each asking for /health and keeping the connection: what each got. */
    record Crowd(List<Socket> sockets, int answered, int closedUnanswered, List<String> otherAnswers)
        implements AutoCloseable {

        @Override
        public void close() throws IOException {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    Crowd crowd(int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(open());
        }
        int answered = 0;
        int refused = 0;
        List<String> others = new ArrayList<>();
        for (Socket s : sockets) {
            String answer;
            try {
                send(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                answer = untilFirstLineOrClosed(s);
            } catch (SocketException closed) {
                answer = CLOSED_UNANSWERED;
            }
            if (answer.startsWith("HTTP/1.1 200")) {
                answered++;
            } else if (answer.equals(CLOSED_UNANSWERED)) {
                refused++;
            } else {
                others.add(answer);
            }
        }
        return new Crowd(sockets, answered, refused, others);
    }

    /**
     * A scraper that pipelines {@code requests} GET /metrics on one connection with a tiny receive
     * buffer and never reads an answer. The writing goes on in its own thread (the server may stop
     * reading); closing the scraper ends it.
     */
    static final class NeverReadingScraper implements AutoCloseable {

        private final Socket socket;
        private final Thread writer;

        NeverReadingScraper(HostileHttp http, int requests) throws IOException {
            socket = http.open();
            socket.setReceiveBufferSize(4096);
            String pipelined = String.join("", IntStream.range(0, requests)
                .mapToObj(i -> "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").toList());
            writer = new Thread(() -> {
                try {
                    send(socket, pipelined);
                } catch (IOException closed) {
                    // the server stopped reading, then closed: expected
                }
            }, "never-reading-scraper");
            writer.start();
        }

        /** True once its writes ended (all sent, or the server closed the connection), within {@code millis}. */
        boolean writesEnded(long millis) throws InterruptedException {
            writer.join(millis);
            return !writer.isAlive();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
