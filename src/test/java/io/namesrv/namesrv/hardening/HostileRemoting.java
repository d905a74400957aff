package io.namesrv.namesrv.hardening;

import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The second hostile set's attacks on the remoting port, and what the server was seen to do about
 * each. Shared by the tests ({@link RemotingHostileTest}, {@link FaultsTest}), which assert on
 * what is seen, and {@link HostileSetRun}, which reports it with the memory figures.
 */
final class HostileRemoting {

    /** Topic names built to break logs, JSON, HTML, paths and format strings. */
    static final List<String> HOSTILE_NAMES = List.of("line\nbreak\r\nforged INFO line", "nul\u0000byte",
        "<script>alert(1)</script>", "../../../etc/passwd", "quote\"brace}{bracket[", "right\u202Eto-left",
        "emoji\uD83D\uDE00", "x".repeat(10_000), "percent%s%n%d", "\\backslash\\", " spaced ");
    static final String HOSTILE_BROKER = "evil\n<b>&\"";
    static final String HOSTILE_BROKER_ADDR = "10.6.6.6:10911";

    private HostileRemoting() {
    }

    static RemotingCommand registerHostileNames(WireClient client) throws IOException {
        return client.call(Requests.register(Requests.CLUSTER, HOSTILE_BROKER, HOSTILE_BROKER_ADDR, 0, 60_000,
            HOSTILE_NAMES, false));
    }

    static String unknownTopic(int i) {
        return "Unknown_" + i + "_" + "u".repeat(64);
    }

    /**
     * {@code topics} lookups of distinct topics nobody registered, pipelined with {@code window}
     * in flight on one connection: how many answers had each code.
     */
    static Map<Integer, Integer> lookUpUnknownTopics(WireClient client, int topics, int window) throws IOException {
        Map<Integer, Integer> codes = new TreeMap<>();
        int sent = 0;
        int answered = 0;
        while (answered < topics) {
            while (sent < topics && sent - answered < window) {
                client.send(Requests.route(unknownTopic(sent)));
                sent++;
            }
            codes.merge(client.read().getCode(), 1, Integer::sum);
            answered++;
        }
        return codes;
    }

    /** {@code count} plain TCP connections to {@code port} that send nothing; the caller closes them. */
    static List<Socket> openIdle(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                sockets.add(s);
            }
            return sockets;
        } catch (IOException e) {
            closeAll(sockets);
            throw e;
        }
    }

    static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    /**
     * A client that asks for the whole topic list (a big answer once many topics are registered)
     * over and over, as fast as it can write, and never reads an answer. The writing goes on in
     * its own thread until the server closes the connection or {@link #reset()}.
     */
    static final class NeverReadingClient {

        private final WireClient client;
        private final AtomicLong written = new AtomicLong();
        private final Thread writer;

        NeverReadingClient(int port) throws IOException {
            client = new WireClient(port);
            byte[] bigAnswerRequest = WireClient.frame(RemotingCommand.request(
                RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null).setVersion(Requests.BROKER_VERSION));
            writer = new Thread(() -> {
                try {
                    while (true) {
                        client.writeRaw(bigAnswerRequest);
                        written.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed by the server, or by reset()
                }
            }, "never-reading-client");
            writer.setDaemon(true);
            writer.start();
        }

        long written() {
            return written.get();
        }

        /** True once the writes ended (the server closed the connection) within {@code millis}. */
        boolean closedWithin(long millis) throws InterruptedException {
            writer.join(millis);
            return !writer.isAlive();
        }

        /** Leaves with a reset, and waits (bounded) for the writer to notice. */
        void reset() throws IOException, InterruptedException {
            client.reset();
            writer.join(5_000);
        }
    }

    /** {@code count} topics with long names, so that the whole topic list is a big answer. */
    static List<String> bigAnswerTopics(int count) {
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            topics.add("big-route-topic-with-a-long-name-" + i);
        }
        return topics;
    }
}
