package io.namesrv.namesrv.hardening;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.bench.ServerProbe;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A manual run, not a test (too heavy for the suite): every check of the second hostile set
 * against our name server and Apache 5.3.3's, each in a child JVM with a 256 MB heap, one check
 * after the other on the same server. For each check it reports what was sent, what the server
 * was seen to answer or do, whether a normal client on its own connection kept getting its route
 * (and got it again once the attacker left), the sockets the server process held, and its RSS and
 * heap after a full collection: before the attack, while the attacker is still connected, and
 * after it left. A normal broker heartbeats every 10 s throughout, as a real one would. The HTTP
 * checks are ours only: Apache's name server has no HTTP port. Run after {@code mvn -o test-compile}:
 * <pre>
 * java -Xmx1g -cp $PWD/target/test-classes:$PWD/target/classes:$(cat target/test-classpath.txt) \
 *   io.namesrv.namesrv.hardening.HostileSetRun [ours|apache|both] [check ...]
 * </pre>
 * With checks named (keys as in the table it prints), only those run, in that order, repeats
 * included: {@code ours huge-headers huge-headers huge-headers} shows whether RSS keeps growing.
 * The 5,000-connection check needs about 5,100 descriptors in this JVM and in the server's:
 * {@code ulimit -n} must allow that (the JVM raises its soft limit to the hard one by itself).
 */
public final class HostileSetRun {

    private static final String NORMAL_TOPIC = "Normal_1";
    /** How long any one cut-off or answer may take before the run calls it "not within". */
    private static final int BOUND_MILLIS = 60_000;
    private static final int FRAME_READ_MILLIS = 3_000;

    /** One check of the set: its key (to pick it on the command line), what it sends, and the attack. */
    private record Check(String key, String sent, boolean httpOnly, Attacker attacker) {
    }

    private interface Attacker {
        /** Attacks, summarises what the server was seen to do, and keeps whatever the attacker still holds. */
        Attack start(ChildServer server) throws Exception;
    }

    private interface Leave {
        void leave() throws Exception;
    }

    /** An attack under way: what was seen, and how the attacker goes away. */
    private record Attack(String observed, Leave leave) {
        static Attack done(String observed) {
            return new Attack(observed, () -> { });
        }
    }

    private record Row(String check, String server, String observed, String normalClient, String sockets,
                       ServerProbe.Memory before, ServerProbe.Memory under, ServerProbe.Memory after) {
    }

    private HostileSetRun() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        List<String> named = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        Map<String, Check> byKey = new LinkedHashMap<>();
        checks().forEach(c -> byKey.put(c.key(), c));
        // Checks named on the command line run in that order, repeats included (does memory come back?).
        List<Check> checks = named.isEmpty() ? List.copyOf(byKey.values()) : named.stream().map(key -> {
            Check check = byKey.get(key);
            if (check == null) {
                throw new IllegalArgumentException("no check " + key + "; the checks: " + byKey.keySet());
            }
            return check;
        }).toList();
        List<Row> rows = new ArrayList<>();
        if (!which.equals("apache")) {
            try (ChildServer ours = ChildServer.ours()) {
                rows.addAll(runAll(ours, checks));
            }
        }
        if (!which.equals("ours")) {
            try (ChildServer apache = ChildServer.apache()) {
                rows.addAll(runAll(apache, checks));
            }
        }
        printTable(checks, rows);
        System.exit(0);
    }

    private static List<Check> checks() {
        return List.of(
            new Check("frames", "Every broken frame of `BadInputTest` (" + HostileFrames.broken().size() + "), each on "
                + "its own connection: lengths of -1, MIN_VALUE, 2 GiB, 17 MiB; headers claiming 0xFFFFFF bytes, "
                + "nested 100,000 deep, not JSON, invalid UTF-8; ROCKETMQ headers with 2 GiB or negative lengths",
                false, HostileSetRun::brokenFrames),
            new Check("huge-headers", "16 well-framed route lookups whose JSON header really is 15 MiB (the topic), "
                + "one connection each, all at once", false, HostileSetRun::hugeHeaders),
            new Check("names", "A broker named `evil\\n<b>&\"` registering the " + HostileRemoting.HOSTILE_NAMES.size()
                + " hostile topic names (newlines, NUL, markup, `../../../etc/passwd`, quotes, RTL override, "
                + "10,000 characters), then route lookups of each, the topic list and cluster info",
                false, HostileSetRun::hostileNames),
            new Check("unknown-topics", "100,000 lookups of distinct unknown topics, pipelined 500 in flight",
                false, HostileSetRun::unknownTopics),
            new Check("connections-2000", "2,000 TCP connections at once, idle", false, s -> idle(s, 2_000)),
            new Check("idle-5000", "5,000 idle TCP connections", false, s -> idle(s, 5_000)),
            new Check("never-reads", "A client that asks for the whole topic list (2,000 long names registered) as "
                + "fast as it can write and never reads; watched for 30 s", false, HostileSetRun::neverReads),
            new Check("http-slowloris", "100 HTTP connections each sending a request line, then a header byte every "
                + "100 ms", true, s -> Attack.done(slowloris(s))),
            new Check("http-huge", "HTTP request line of 100,000 characters; a 100,000-character header; 20,000 "
                + "headers", true, s -> Attack.done(statusLines(s, HostileHttp.hugeRequests(),
                    List.of("request line", "header", "20,000 headers")))),
            new Check("http-traversal", HostileHttp.TRAVERSAL_PATHS.size() + " traversal paths (`/static/../..`, "
                + "`%2e%2e`, `%2f`, `%5c`, `//etc/passwd`, `/routes/..%2F..`)", true, HostileSetRun::traversal),
            new Check("http-methods", "POST, PUT, DELETE, PATCH, OPTIONS, TRACE, PROPFIND, BREW", true,
                s -> Attack.done(statusLines(s, HostileHttp.WRONG_METHODS.stream().map(HostileHttp::method).toList(),
                    HostileHttp.WRONG_METHODS))),
            new Check("http-limit", "257 HTTP connections (the limit is 256), each asking for /health and keeping "
                + "the connection", true, HostileSetRun::pastTheLimit),
            new Check("http-never-reads", "A scraper pipelining 5,000 `GET /metrics` with a 4 KiB receive buffer, "
                + "never reading", true, HostileSetRun::neverReadingScraper));
    }

    // ------------------------------------------------------------------ running the checks

    private static List<Row> runAll(ChildServer server, List<Check> checks) throws Exception {
        System.out.printf("%n== %s%n", server);
        List<Row> rows = new ArrayList<>();
        try (NormalBroker broker = new NormalBroker(server.port())) {
            for (Check check : checks) {
                if (check.httpOnly() && !server.hasHttp()) {
                    continue;
                }
                if (!server.isAlive()) {
                    System.out.println("  " + check.key() + ": skipped, the server is gone");
                    continue;
                }
                Row row = run(server, check, broker);
                System.out.printf(Locale.ROOT, "  %s: %s%n    normal client: %s; sockets %s; RSS/heap %s -> %s -> %s%n",
                    row.check(), row.observed(), row.normalClient(), row.sockets(), mib(row.before()), mib(row.under()),
                    mib(row.after()));
                rows.add(row);
            }
        }
        return rows;
    }

    private static Row run(ChildServer server, Check check, NormalBroker broker) throws InterruptedException {
        int heartbeatFailures = broker.failures();
        ServerProbe.Memory before = server.memory();
        String observed;
        String normal;
        String sockets;
        ServerProbe.Memory under;
        try (RouteProber prober = new RouteProber(server.port(), NORMAL_TOPIC)) {
            prober.answersAgain(3);
            int socketsBefore = server.sockets();
            long start = System.nanoTime();
            Attack attack;
            try {
                attack = check.attacker().start(server);
            } catch (Exception e) {
                attack = Attack.done("the attack itself failed: " + e);
            }
            observed = attack.observed() + String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9);
            int socketsUnder = server.sockets();
            under = server.memory();
            try {
                attack.leave().leave();
            } catch (Exception e) {
                observed += "; leaving failed: " + e;
            }
            int socketsAfter = awaitSockets(server, socketsBefore);
            sockets = socketsBefore + " / " + socketsUnder + " / " + socketsAfter;
            boolean proberLive = prober.answersAgain(3);
            prober.close();
            normal = (prober.failures().isEmpty() && proberLive ? "answered throughout"
                : "failed: " + prober.failures().stream().findFirst().orElse("no answer for 5 s"))
                + String.format(Locale.ROOT, " (%,d lookups, slowest %,d ms)", prober.answers(), prober.maxLatencyMillis());
        }
        if (!server.isAlive()) {
            return new Row(check.key(), server.label(), observed + "; **the server died**", normal, sockets, before,
                under, server.memory());
        }
        normal += routeAnswered(server.port()) ? "; answered after the attacker left" : "; NOT answered after it left";
        if (broker.failures() > heartbeatFailures) {
            normal += "; the broker's heartbeat failed " + (broker.failures() - heartbeatFailures) + " times";
        }
        if (server.hasHttp()) {
            normal += "; /health " + server.health().replaceAll("\\s+", " ");
        }
        return new Row(check.key(), server.label(), observed, normal, sockets, before, under, server.memory());
    }

    /** Waits (bounded) until the server holds no more sockets than before the attack; the count then. */
    private static int awaitSockets(ChildServer server, int before) throws InterruptedException {
        long end = System.nanoTime() + BOUND_MILLIS * 1_000_000L;
        int now = server.sockets();
        while (now > before && System.nanoTime() < end) {
            Thread.sleep(200);
            now = server.sockets();
        }
        return now;
    }

    private static boolean routeAnswered(int port) {
        try (WireClient client = new WireClient(port, 10_000)) {
            return client.call(Requests.route(NORMAL_TOPIC)).getCode() == ResponseCode.SUCCESS;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ remoting attacks

    private static Attack brokenFrames(ChildServer server) throws IOException {
        Map<String, List<String>> byOutcome = new TreeMap<>();
        for (Map.Entry<String, byte[]> frame : HostileFrames.broken().entrySet()) {
            String outcome;
            try (WireClient attacker = new WireClient(server.port(), FRAME_READ_MILLIS)) {
                outcome = sent(attacker, frame.getValue()) ? frameOutcome(attacker) : "closed while the frame was being sent";
            } catch (IOException e) {
                outcome = "connection failed: " + e.getClass().getSimpleName();
            }
            byOutcome.computeIfAbsent(outcome, o -> new ArrayList<>()).add(frame.getKey());
        }
        return Attack.done(grouped(byOutcome));
    }

    /** False if the server closed the connection before all of {@code bytes} could be written. */
    private static boolean sent(WireClient attacker, byte[] bytes) {
        try {
            attacker.writeRaw(bytes);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** What the server did with what was just written: closed the connection, answered, or neither. */
    private static String frameOutcome(WireClient attacker) throws IOException {
        try {
            RemotingCommand answer = attacker.read();
            attacker.setReadTimeout(FRAME_READ_MILLIS); // the answer may take long; the close should follow at once
            return "answered " + code(answer) + (attacker.closedByPeer() ? ", then closed" : ", kept open");
        } catch (EOFException | SocketException closed) {
            return "closed";
        } catch (SocketTimeoutException silent) {
            return "no answer, kept open " + FRAME_READ_MILLIS / 1000 + " s";
        } catch (IOException undecodable) {
            return "answered with an undecodable frame";
        }
    }

    /** Outcome: count, and which ones for every outcome but the most common. */
    private static String grouped(Map<String, List<String>> byOutcome) {
        String common = byOutcome.entrySet().stream().max(Map.Entry.comparingByValue(
            java.util.Comparator.comparingInt(List::size))).map(Map.Entry::getKey).orElse("");
        return byOutcome.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size()
            + (e.getKey().equals(common) ? "" : " (" + String.join("; ", e.getValue()) + ")"))
            .collect(Collectors.joining("; "));
    }

    private static String code(RemotingCommand answer) {
        String remark = answer.getRemark() == null ? "" : answer.getRemark().replaceAll("\\s+", " ");
        return "code " + answer.getCode() + (remark.isEmpty() ? "" : " `" + remark.substring(0, Math.min(90,
            remark.length())) + "`");
    }

    private static Attack hugeHeaders(ChildServer server) throws Exception {
        byte[] frame = HostileFrames.hugeHeader(15 * 1024 * 1024);
        Map<String, List<String>> byOutcome = new TreeMap<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = "huge-header-" + i;
            Thread sender = new Thread(() -> {
                String outcome;
                try (WireClient attacker = new WireClient(server.port(), BOUND_MILLIS)) {
                    outcome = sent(attacker, frame) ? frameOutcome(attacker) : "closed while the frame was being sent";
                } catch (IOException e) {
                    outcome = "connection failed: " + e.getClass().getSimpleName();
                }
                synchronized (byOutcome) {
                    byOutcome.computeIfAbsent(outcome, o -> new ArrayList<>()).add(name);
                }
            }, name);
            senders.add(sender);
        }
        senders.forEach(Thread::start);
        for (Thread t : senders) {
            t.join(2L * BOUND_MILLIS);
        }
        synchronized (byOutcome) {
            return Attack.done(grouped(byOutcome).replaceAll(" \\(huge-header-[^)]*\\)", ""));
        }
    }

    private static Attack hostileNames(ChildServer server) throws IOException {
        WireClient hostile = new WireClient(server.port(), BOUND_MILLIS);
        RemotingCommand registered = HostileRemoting.registerHostileNames(hostile);
        int routed = 0;
        for (String name : HostileRemoting.HOSTILE_NAMES) {
            RemotingCommand route = hostile.call(Requests.route(name));
            if (route.getCode() == ResponseCode.SUCCESS && HostileRemoting.HOSTILE_BROKER.equals(brokerNameOf(route))) {
                routed++;
            }
        }
        String listed;
        try {
            RemotingCommand list = hostile.call(RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
                null).setVersion(Requests.BROKER_VERSION));
            Set<String> topics = new HashSet<>(parse(list).getJSONArray("topicList").toJavaList(String.class));
            listed = HostileRemoting.HOSTILE_NAMES.stream().filter(topics::contains).count() + " listed as sent";
        } catch (RuntimeException e) {
            listed = "the topic list does not parse: " + e.getMessage();
        }
        String cluster;
        try {
            cluster = parse(hostile.call(RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO, null)
                .setVersion(Requests.BROKER_VERSION))).getJSONObject("brokerAddrTable")
                .containsKey(HostileRemoting.HOSTILE_BROKER) ? "holds the broker as named" : "lacks the broker";
        } catch (RuntimeException e) {
            cluster = "does not parse: " + e.getMessage();
        }
        String observed = "registration " + code(registered) + "; " + routed + " of " + HostileRemoting.HOSTILE_NAMES.size()
            + " routed with the broker name as sent; topic list: " + listed + "; cluster info " + cluster;
        return new Attack(observed, () -> {
            try (hostile) {
                hostile.call(Requests.unregister(HostileRemoting.HOSTILE_BROKER, HostileRemoting.HOSTILE_BROKER_ADDR));
            }
        });
    }

    /** The broker name of a route's first queue, or why there is none. */
    private static String brokerNameOf(RemotingCommand route) {
        try {
            return parse(route).getJSONArray("queueDatas").getJSONObject(0).getString("brokerName");
        } catch (RuntimeException e) {
            return "the route does not parse: " + e.getMessage();
        }
    }

    private static JSONObject parse(RemotingCommand answer) {
        return JSON.parseObject(new String(answer.getBody(), StandardCharsets.UTF_8));
    }

    private static Attack unknownTopics(ChildServer server) throws IOException {
        try (WireClient client = new WireClient(server.port(), BOUND_MILLIS)) {
            Map<Integer, Integer> codes = HostileRemoting.lookUpUnknownTopics(client, 100_000, 500);
            return Attack.done("answer codes: " + codes.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%,d x %d%s", e.getValue(), e.getKey(),
                    e.getKey() == ResponseCode.TOPIC_NOT_EXIST ? " (TOPIC_NOT_EXIST)" : ""))
                .collect(Collectors.joining(", ")));
        }
    }

    private static Attack idle(ChildServer server, int count) throws IOException, InterruptedException {
        int before = server.sockets();
        List<Socket> sockets;
        try {
            sockets = HostileRemoting.openIdle(server.port(), count);
        } catch (IOException e) {
            return Attack.done("could not open them all: " + e);
        }
        long end = System.nanoTime() + BOUND_MILLIS * 1_000_000L;
        int held = server.sockets() - before;
        while (held < count && System.nanoTime() < end) {
            Thread.sleep(200);
            held = server.sockets() - before;
        }
        String observed = (held >= count ? String.format(Locale.ROOT, "all %,d accepted and held", count)
            : String.format(Locale.ROOT, "%,d of %,d held by the server after %d s", held, count, BOUND_MILLIS / 1000));
        return new Attack(observed, () -> HostileRemoting.closeAll(sockets));
    }

    private static Attack neverReads(ChildServer server) throws IOException, InterruptedException {
        WireClient big = new WireClient(server.port(), BOUND_MILLIS);
        RemotingCommand registered = big.call(Requests.register(Requests.CLUSTER, "big", "10.0.0.3:10911", 0, 600_000,
            HostileRemoting.bigAnswerTopics(2000), false));
        HostileRemoting.NeverReadingClient stuck = new HostileRemoting.NeverReadingClient(server.port());
        long start = System.nanoTime();
        boolean closed = stuck.closedWithin(28_000);
        long writtenAt28 = stuck.written();
        closed = closed || stuck.closedWithin(2_000);
        String observed = "(2,000 topics registered: " + code(registered) + ") " + (closed
            ? String.format(Locale.ROOT, "closed by the server after %,d requests (%.1f s)", stuck.written(),
                (System.nanoTime() - start) / 1e9)
            : String.format(Locale.ROOT, "still open after 30 s, %,d requests written; %s", stuck.written(),
                stuck.written() == writtenAt28 ? "the server stopped reading from it" : "the server still reads it"));
        return new Attack(observed, () -> {
            stuck.reset();
            try (big) {
                big.call(Requests.unregister("big", "10.0.0.3:10911"));
            }
        });
    }

    // ------------------------------------------------------------------ HTTP attacks (ours only)

    private static HostileHttp http(ChildServer server) {
        return new HostileHttp(server.httpPort(), BOUND_MILLIS);
    }

    private static String slowloris(ChildServer server) throws IOException, InterruptedException {
        long millis = http(server).slowloris(100);
        return millis < 0 ? "some still open after " + BOUND_MILLIS / 1000 + " s"
            : String.format(Locale.ROOT, "all 100 closed by the server %.1f s after the trickle began", millis / 1e3);
    }

    /** Each request on its own connection, labelled: the status line it got, or "closed unanswered". */
    private static String statusLines(ChildServer server, List<String> requests, List<String> labels) throws IOException {
        List<String> answers = http(server).eachOnItsOwnConnection(requests);
        Map<String, List<String>> byStatus = new TreeMap<>();
        for (int i = 0; i < answers.size(); i++) {
            byStatus.computeIfAbsent(statusAndAllow(answers.get(i)), s -> new ArrayList<>()).add(labels.get(i));
        }
        return grouped(byStatus);
    }

    private static String statusAndAllow(String answer) {
        if (answer.equals(HostileHttp.CLOSED_UNANSWERED)) {
            return "closed unanswered";
        }
        String status = answer.lines().findFirst().orElse("").trim();
        String allow = answer.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("allow:")).findFirst()
            .map(l -> " with `" + l.trim() + "`").orElse("");
        return "`" + status + "`" + allow;
    }

    private static Attack traversal(ChildServer server) throws IOException {
        List<String> answers = http(server).eachOnItsOwnConnection(HostileHttp.TRAVERSAL_PATHS.stream()
            .map(HostileHttp::get).toList());
        Map<String, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HostileSetRun::statusAndAllow,
            TreeMap::new, Collectors.counting()));
        long served = answers.stream().filter(a -> a.contains("root:") || a.contains("[fonts]")).count();
        return Attack.done(byStatus.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining("; ")) + "; files served: " + served);
    }

    private static Attack pastTheLimit(ChildServer server) throws IOException {
        HostileHttp.Crowd crowd = http(server).crowd(257);
        Map<String, Long> others = crowd.otherAnswers().stream()
            .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return new Attack(String.format(Locale.ROOT, "%d answered `200`, %d closed unanswered%s", crowd.answered(),
            crowd.closedUnanswered(), others.isEmpty() ? "" : ", others: " + others), crowd::close);
    }

    private static Attack neverReadingScraper(ChildServer server) throws IOException, InterruptedException {
        int before = server.sockets();
        HostileHttp.NeverReadingScraper scraper = new HostileHttp.NeverReadingScraper(http(server), 5_000);
        long start = System.nanoTime();
        long end = start + BOUND_MILLIS * 1_000_000L;
        // The scraper's connection counts among the server's sockets until the server lets it go.
        while (server.sockets() <= before && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(20);
        }
        while (server.sockets() > before && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        boolean closed = server.sockets() <= before;
        String observed = closed ? String.format(Locale.ROOT, "closed by the server after %.1f s",
            (System.nanoTime() - start) / 1e9) : "still open after " + BOUND_MILLIS / 1000 + " s";
        return new Attack(observed + (scraper.writesEnded(5_000) ? "" : "; its writes still blocked"), scraper::close);
    }

    // ------------------------------------------------------------------ output

    private static String mib(ServerProbe.Memory m) {
        return Double.isNaN(m.rssMiB()) ? "gone" : String.format(Locale.ROOT, "%.0f / %.1f", m.rssMiB(), m.heapAfterGcMiB());
    }

    /** One markdown table: per check, what was sent, then one line per server. */
    private static void printTable(List<Check> checks, List<Row> rows) {
        System.out.println();
        System.out.println("| Check | What was sent | Server | What the server did | Normal client | Server sockets "
            + "before / under attack / after | RSS MiB / heap after GC MiB: before | under attack | after it left |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Check check : checks.stream().distinct().toList()) {
            List<Row> mine = rows.stream().filter(r -> r.check().equals(check.key())).toList();
            IntStream.range(0, mine.size()).forEach(i -> {
                Row r = mine.get(i);
                System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", i == 0 ? "`" + check.key() + "`" : "",
                    i == 0 ? check.sent() : "", r.server(), cell(r.observed()), cell(r.normalClient()), r.sockets(),
                    mib(r.before()), mib(r.under()), mib(r.after()));
            });
            if (check.httpOnly()) {
                System.out.printf("| | | apache 5.3.3 | n/a: no HTTP port | | | | | |%n");
            }
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * A normal broker on its own connection, registering its 10 topics every 10 s as a real one
     * heartbeats, so that neither server expires it nor closes its connection as idle during the
     * run. A failed heartbeat is counted and the next one reconnects.
     */
    private static final class NormalBroker implements AutoCloseable {

        private final int port;
        private final Thread thread;
        /** Used by the heartbeat thread only, once the constructor has handed it over. */
        private WireClient client;
        private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean stopped;

        /** Registers on the connection it then heartbeats on: closing a broker's connection unregisters it. */
        NormalBroker(int port) throws IOException {
            this.port = port;
            client = new WireClient(port, BOUND_MILLIS);
            RemotingCommand answer = client.call(register());
            if (answer.getCode() != ResponseCode.SUCCESS) {
                client.close();
                throw new IllegalStateException("the normal broker cannot register: " + answer.getRemark());
            }
            thread = new Thread(this::run, "normal-broker-heartbeat");
            thread.setDaemon(true);
            thread.start();
        }

        private static RemotingCommand register() {
            return Requests.register(Requests.CLUSTER, "normal", "10.0.0.1:10911", 0, 120_000,
                IntStream.range(0, 10).mapToObj(i -> "Normal_" + i).toList(), false);
        }

        private void run() {
            while (!stopped) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    break;
                }
                try {
                    if (client == null) {
                        client = new WireClient(port, BOUND_MILLIS);
                    }
                    if (client.call(register()).getCode() != ResponseCode.SUCCESS) {
                        failures.incrementAndGet();
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                    closeQuietly(client);
                    client = null;
                }
            }
            closeQuietly(client);
        }

        private static void closeQuietly(WireClient client) {
            try {
                if (client != null) {
                    client.close();
                }
            } catch (IOException ignored) {
                // leaving anyway
            }
        }

        int failures() {
            return failures.get();
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
