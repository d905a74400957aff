package io.namesrv.interop.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A name server in a child JVM on a free loopback port: Apache's ({@link #apache}) or ours
 * ({@link #ours}). Both take the same {@code -c} properties file and print the same boot line,
 * so tests can run the same scenario against either.
 */
public final class NameServerProcess implements AutoCloseable {

    public static final String APACHE_MAIN = "org.apache.rocketmq.namesrv.NamesrvStartup";
    public static final String OURS_MAIN = "io.namesrv.namesrv.NamesrvStartup";
    public static final Pattern BOOT_LINE = Pattern.compile("The Name Server boot success\\.");

    /** Generous: on a loaded 2-core machine a JVM can take half a minute to boot. */
    /** Ends at the boot line; long only for a 2-core machine shared by several builds (a boot took over 60 s at load 29). */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final String HEAP = "-Xmx256m";

    private final int port;
    private final Path dir;
    private final Path kvConfigPath;
    private final ChildJvm jvm;
    /** Starts the same server again (same config file, port and directories). */
    private final java.util.function.Supplier<ChildJvm> relaunch;
    /** When this run's boot line was seen (System.nanoTime()). */
    private final long bootNanos;

    private NameServerProcess(int port, Path dir, Path kvConfigPath, ChildJvm jvm,
                              java.util.function.Supplier<ChildJvm> relaunch) {
        this.port = port;
        this.dir = dir;
        this.kvConfigPath = kvConfigPath;
        this.jvm = jvm;
        this.relaunch = relaunch;
        this.bootNanos = System.nanoTime(); // constructed as soon as the boot line is seen
    }

    public static NameServerProcess apache() {
        return apache(Map.of());
    }

    /** Apache's name server; {@code extraConfig} entries are added to (or override) the -c file. */
    public static NameServerProcess apache(Map<String, String> extraConfig) {
        return apache(extraConfig, List.of());
    }

    public static NameServerProcess apache(Map<String, String> extraConfig, List<String> extraJvmOptions) {
        return start("apache-namesrv", APACHE_MAIN, true, extraConfig, extraJvmOptions);
    }

    /** Apache's name server with {@code extraClasspath} ahead of the test classpath (see {@link #ours(Map, List, List)}). */
    public static NameServerProcess apache(Map<String, String> extraConfig, List<String> extraJvmOptions,
                                           List<Path> extraClasspath) {
        return start("apache-namesrv", APACHE_MAIN, List.of(), true, extraConfig, extraJvmOptions, extraClasspath);
    }

    public static NameServerProcess ours() {
        return ours(Map.of());
    }

    /**
     * Our name server, started exactly like Apache's, except logging: it uses our own logback
     * configuration (found on the classpath), not the one for Apache's peers.
     */
    public static NameServerProcess ours(Map<String, String> extraConfig) {
        return ours(extraConfig, List.of());
    }

    public static NameServerProcess ours(Map<String, String> extraConfig, List<String> extraJvmOptions) {
        return ours(OURS_MAIN, List.of(), extraConfig, extraJvmOptions);
    }

    /**
     * Our name server started through {@code mainClass} (a test's wrapper around ours), which gets
     * {@code leadingArgs} before the usual {@code -c <file>}.
     */
    public static NameServerProcess ours(String mainClass, List<String> leadingArgs, Map<String, String> extraConfig,
                                         List<String> extraJvmOptions) {
        return ours(mainClass, leadingArgs, extraConfig, extraJvmOptions, List.of());
    }

    /**
     * Our name server with {@code extraClasspath} ahead of the test classpath: for test-only
     * providers (a {@code META-INF/services} directory) that only this server must see.
     */
    public static NameServerProcess ours(Map<String, String> extraConfig, List<String> extraJvmOptions,
                                         List<Path> extraClasspath) {
        return ours(OURS_MAIN, List.of(), extraConfig, extraJvmOptions, extraClasspath);
    }

    private static NameServerProcess ours(String mainClass, List<String> leadingArgs, Map<String, String> extraConfig,
                                          List<String> extraJvmOptions, List<Path> extraClasspath) {
        // Our operations HTTP endpoint would take the fixed port 9877: any free loopback port instead.
        Map<String, String> config = new LinkedHashMap<>();
        config.put("httpListenPort", "0");
        config.put("httpBindAddress", "127.0.0.1");
        config.putAll(extraConfig);
        return start("our-namesrv", mainClass, leadingArgs, false, config, extraJvmOptions, extraClasspath);
    }

    private static NameServerProcess start(String label, String mainClass, boolean apacheLogging,
                                           Map<String, String> extraConfig, List<String> extraJvmOptions) {
        return start(label, mainClass, List.of(), apacheLogging, extraConfig, extraJvmOptions, List.of());
    }

    private static NameServerProcess start(String label, String mainClass, List<String> leadingArgs,
                                           boolean apacheLogging, Map<String, String> extraConfig,
                                           List<String> extraJvmOptions, List<Path> extraClasspath) {
        // A test that must know the address before the start (peers naming each other) gives listenPort itself.
        int port = extraConfig.containsKey("listenPort") ? Integer.parseInt(extraConfig.get("listenPort"))
            : FreePorts.single();
        Path dir = PeerDirs.create(label + "-" + port);
        Path home = dir.resolve("home");
        Path kvConfig = home.resolve("namesrv").resolve("kvConfig.json");
        PeerDirs.createDirectories(home);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listenPort", Integer.toString(port));
        config.put("bindAddress", "127.0.0.1");
        config.put("rocketmqHome", home.toString());
        config.put("kvConfigPath", kvConfig.toString());
        config.put("configStorePath", home.resolve("namesrv").resolve("namesrv.properties").toString());
        config.put("scanNotActiveBrokerInterval", "5000");
        config.putAll(extraConfig);
        Path configFile = PeerConfigFile.write(dir.resolve("namesrv.conf"), config);

        java.util.function.Supplier<ChildJvm> launch = new java.util.function.Supplier<>() {
            private int runs;

            @Override
            public ChildJvm get() {
                String name = runs++ == 0 ? label : label + "-run" + runs;
                ChildJvm.Builder builder = ChildJvm.builder(name, mainClass)
                        .workDir(dir)
                        .jvmOption(HEAP)
                        .systemProperty("user.home", home.toString())
                        .env("ROCKETMQ_HOME", home.toString())
                        .args(leadingArgs.toArray(String[]::new))
                        .args("-c", configFile.toString());
                if (apacheLogging) {
                    PeerLogging.quietApache(builder);
                }
                if (!extraClasspath.isEmpty()) {
                    List<String> entries = new java.util.ArrayList<>();
                    extraClasspath.forEach(p -> entries.add(p.toString()));
                    entries.add(ChildClasspath.forChildren());
                    builder.classpath(String.join(java.io.File.pathSeparator, entries));
                }
                extraJvmOptions.forEach(builder::jvmOption);
                ChildJvm jvm = builder.start();
                try {
                    jvm.waitForLine(BOOT_LINE, BOOT_TIMEOUT);
                } catch (RuntimeException e) {
                    jvm.close();
                    throw e;
                }
                return jvm;
            }
        };
        return new NameServerProcess(port, dir, kvConfig, launch.get(), launch);
    }

    /** The same server started again after {@link #kill()}: same port, config file and directories. */
    public NameServerProcess restart() {
        if (jvm.isAlive()) {
            throw new IllegalStateException(this + " is still running");
        }
        return new NameServerProcess(port, dir, kvConfigPath, relaunch.get(), relaunch);
    }

    /** When this run's boot line was seen, as a {@link System#nanoTime()} instant. */
    public long bootNanos() {
        return bootNanos;
    }

    /** The home directory given as user.home and ROCKETMQ_HOME (its files survive a restart). */
    public Path home() {
        return kvConfigPath.getParent().getParent();
    }

    /** {@code 127.0.0.1:port}, as clients and brokers spell a name server address. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path kvConfigPath() {
        return kvConfigPath;
    }

    /** The private directory holding the config file, home folder and log. */
    public Path dir() {
        return dir;
    }

    public Path logFile() {
        return jvm.logFile();
    }

    /** Waits for a line of the server's console log matching {@code pattern} (searched from the start). */
    public String waitForLogLine(Pattern pattern, Duration timeout) {
        return jvm.waitForLine(pattern, timeout);
    }

    public long pid() {
        return jvm.pid();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    /** Waits (bounded) until the log holds a line matching {@code pattern}, e.g. a second boot line. */
    public String waitForLine(Pattern pattern, Duration timeout) {
        return jvm.waitForLine(pattern, timeout);
    }

    /** SIGTERM alone (never escalated), for tests that watch how it stops. */
    public void terminate() {
        jvm.terminate();
    }

    /** The exit status once it has ended, waiting up to {@code timeout}; null if it still runs. */
    public Integer awaitExit(Duration timeout) {
        return jvm.awaitExit(timeout);
    }

    /** SIGKILL. */
    public void kill() {
        jvm.kill();
    }

    /** SIGTERM, as an operator's stop: waits (bounded) for the orderly shutdown, then SIGKILL. */
    public void stop() {
        jvm.close();
    }

    @Override
    public void close() {
        jvm.close();
    }

    @Override
    public String toString() {
        return jvm.name() + "@" + address();
    }
}
