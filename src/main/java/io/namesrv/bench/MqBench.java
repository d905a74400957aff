package io.namesrv.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * bin/mqbench: drives a name server with the project's own client and prints per-phase
 * throughput, latency quantiles and errors. {@code -n addr [-p pid]} measures one server;
 * {@code --vs} starts ours and Apache's NameServer 5.3.3 with the same heap and compares them.
 */
public final class MqBench {

    private MqBench() {
    }

    public static void main(String[] args) throws Exception {
        Options spec = options();
        BenchOptions options;
        try {
            CommandLine cl = new DefaultParser().parse(spec, args);
            if (cl.hasOption("h") || (!cl.hasOption("n") && !cl.hasOption("vs"))) {
                printHelp(spec);
                System.exit(cl.hasOption("h") ? 0 : 1);
                return;
            }
            options = parse(cl);
        } catch (ParseException | IllegalArgumentException e) {
            System.err.println("mqbench: " + e.getMessage());
            printHelp(spec);
            System.exit(1);
            return;
        }
        PrintStream out = System.out;
        out.println("mqbench " + String.join(" ", args));
        out.printf("fleet: %d broker names x %d topics x %d queues, master + slave, %d names per topic; machine: %d cpus%n",
            options.brokers(), options.topicsPerBroker(), options.queues(), options.brokersPerTopic(),
            Runtime.getRuntime().availableProcessors());
        if (options.vs()) {
            new SideBySide(options, out).run();
        } else {
            single(options, out);
        }
        System.exit(0);
    }

    static final String WRITES_WARNING = "WARNING: -n WRITES TO THE TARGET. It registers a fake fleet (cluster "
        + Fleet.CLUSTER + ": --brokers names x master and slave, plus one --big-topics broker) and re-registers it;"
        + " the brokers are unregistered again when mqbench ends, also on Ctrl-C (a kill -9 leaves them until they"
        + " expire, 120 s later). Use a name server no real broker or client depends on, never production.";

    private static void printHelp(Options spec) {
        new HelpFormatter().printHelp(100, "mqbench (-n host:port [-p pid] | --vs) [options]", null, spec,
            System.lineSeparator() + WRITES_WARNING);
    }

    private static void single(BenchOptions options, PrintStream out) throws InterruptedException {
        out.println("mqbench writes to " + options.addr() + ": a fake fleet in cluster " + Fleet.CLUSTER
            + ", unregistered again at the end");
        BenchRun bench = new BenchRun(options, out);
        BenchRun.Result result = bench.run(options.addr(), options.pid());
        Report report = new Report(out);
        report.phases(options.addr(), result.phases());
        report.memory(options.addr(), result, null);
        if (options.echo()) {
            PhaseResult echo = bench.echoCeiling(result.sampleRoute(), bench.fleetTopics());
            report.phases("bare Netty echo on the same frames", List.of(echo));
            report.line(String.format(java.util.Locale.ROOT, "  route lookups reach %.0f%% of the echo ceiling",
                100 * result.phase(BenchRun.ROUTE).opsPerSecond() / echo.opsPerSecond()));
        }
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(opt("n", "namesrvAddr", "host:port", "name server to measure"));
        o.addOption(opt("p", "pid", "pid", "its process id, for RSS and heap after GC (same machine)"));
        o.addOption(Option.builder().longOpt("vs").desc("start ours and Apache 5.3.3 and compare them").build());
        o.addOption(opt(null, "brokers", "B", "broker names, each master + slave (64)"));
        o.addOption(opt(null, "topics", "T", "topics per broker (1000)"));
        o.addOption(opt(null, "queues", "Q", "queues per topic (8)"));
        o.addOption(opt(null, "brokers-per-topic", "G", "broker names serving each topic (4)"));
        o.addOption(opt("c", "callers", "C", "concurrent route callers (32)"));
        o.addOption(opt("k", "connections", "K", "connections they share (4)"));
        o.addOption(opt(null, "client-threads", "N", "client threads those connections share (1)"));
        o.addOption(opt("s", "seconds", "S", "seconds of route lookups (20)"));
        o.addOption(opt(null, "warmup", "seconds", "uncounted warm-up before route lookups (5)"));
        o.addOption(opt(null, "big-topics", "N", "topics of the re-registering broker (10000)"));
        o.addOption(opt(null, "registrations", "N", "re-registrations per form (30)"));
        o.addOption(opt(null, "list-callers", "N", "callers for cluster info and topic list (4)"));
        o.addOption(opt(null, "list-seconds", "S", "seconds for each of those (5)"));
        o.addOption(Option.builder().longOpt("storm").desc("also time route lookups under a registration storm "
            + "that fills the default executor (" + BenchRun.ROUTE_UNDER_STORM + ")").build());
        o.addOption(opt(null, "scale", "small|large|huge", "cluster shape: 64 x 1,000 topics (16,000 topics),"
            + " 256 x 4,000 (256,000) or 1,000 x 4,000 (1,000,000), 4 names per topic; --brokers/--topics/"
            + "--brokers-per-topic override it (small)"));
        o.addOption(opt(null, "access", "random|cold|hot", "route callers ask about random topics, every topic once"
            + " in turn, or a hot subset (random)"));
        o.addOption(opt(null, "hot-topics", "N", "size of the hot subset for --access hot (1000)"));
        o.addOption(Option.builder().longOpt("churn").desc("a broker re-registers changed topics every second during"
            + " the route lookups").build());
        o.addOption(Option.builder().longOpt("no-echo").desc("skip the bare Netty echo ceiling").build());
        o.addOption(opt(null, "heap", "size", "--vs: -Xms/-Xmx of both servers (1g)"));
        o.addOption(opt(null, "rounds", "R", "--vs: A B rounds (2)"));
        o.addOption(opt(null, "home", "dir", "--vs: this project's directory (ROCKETMQ_HOME)"));
        o.addOption(opt(null, "apache-classpath", "file", "--vs: file holding Apache's NameServer classpath"));
        o.addOption(Option.builder().longOpt("ours-config").hasArgs().argName("key=value")
            .desc("--vs: a setting for our server only, repeatable (default: none)").build());
        o.addOption(Option.builder("h").longOpt("help").desc("this help").build());
        return o;
    }

    private static Option opt(String shortName, String longName, String arg, String desc) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(arg).desc(desc).build();
    }

    /** A whole command line's options, as main reads them (for the docs' command lines in the tests). */
    static BenchOptions parse(String... args) throws ParseException {
        return parse(new DefaultParser().parse(options(), args));
    }

    private static BenchOptions parse(CommandLine cl) {
        String home = cl.getOptionValue("home", System.getenv("ROCKETMQ_HOME"));
        String cp = cl.getOptionValue("apache-classpath");
        BenchOptions.Scale scale = choice(cl, "scale", BenchOptions.Scale.class, BenchOptions.Scale.SMALL);
        return new BenchOptions(
            cl.getOptionValue("n"),
            cl.hasOption("p") ? Long.valueOf(cl.getOptionValue("p")) : null,
            positive(cl, "brokers", scale.brokers),
            positive(cl, "topics", scale.topicsPerBroker),
            positive(cl, "queues", 8),
            positive(cl, "brokers-per-topic", scale.brokersPerTopic),
            positive(cl, "c", 32),
            positive(cl, "k", 4),
            positive(cl, "client-threads", 1),
            seconds(cl, "s", 20),
            seconds(cl, "warmup", 5),
            positive(cl, "big-topics", 10_000),
            positive(cl, "registrations", 30),
            positive(cl, "list-callers", 4),
            seconds(cl, "list-seconds", 5),
            !cl.hasOption("no-echo"),
            cl.hasOption("vs"),
            cl.getOptionValue("heap", "1g"),
            positive(cl, "rounds", 2),
            home == null ? Path.of(".").toAbsolutePath().normalize() : Path.of(home),
            cp == null ? null : Path.of(cp),
            settings(cl.getOptionValues("ours-config")),
            cl.hasOption("storm"),
            choice(cl, "access", BenchOptions.Access.class, BenchOptions.Access.RANDOM),
            positive(cl, "hot-topics", 1000),
            cl.hasOption("churn"));
    }

    private static <E extends Enum<E>> E choice(CommandLine cl, String name, Class<E> type, E dflt) {
        String v = cl.getOptionValue(name);
        if (v == null) {
            return dflt;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("--" + name + " must be one of "
            + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList() + ", not " + v);
    }

    private static Map<String, String> settings(String[] pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : pairs == null ? new String[0] : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--ours-config takes key=value, not " + pair);
            }
            settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return Map.copyOf(settings);
    }

    private static int positive(CommandLine cl, String name, int dflt) {
        int v = Integer.parseInt(cl.getOptionValue(name, Integer.toString(dflt)));
        if (v <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return v;
    }

    private static double seconds(CommandLine cl, String name, double dflt) {
        double v = Double.parseDouble(cl.getOptionValue(name, Double.toString(dflt)));
        if (v < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return v;
    }
}
