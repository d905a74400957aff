package io.namesrv.interop.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real Apache RocketMQ broker in a child JVM on free loopback ports, with a small store in a
 * private directory (deleted on close; the log stays). Its listen port P comes with P-2 (fast
 * remoting, the "VIP channel") and P+1 (HA) bound too.
 */
public final class BrokerProcess implements AutoCloseable {

    public static final String MAIN = "org.apache.rocketmq.broker.BrokerStartup";
    public static final Pattern BOOT_LINE = Pattern.compile("The broker\\[.*\\] boot success");

    /** Ends at the boot line; long only for a 2-core machine shared by several builds (a boot took over 60 s at load 29). */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    /** Apache's graceful shutdown takes ~7 s alone (its store sleeps 3 s), 10 s and more with a slave attached. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final String HEAP = "-Xmx512m";

    private final String clusterName;
    private final String brokerName;
    private final long brokerId;
    private final int port;
    private final Path dir;
    private final ChildJvm jvm;

    private BrokerProcess(String clusterName, String brokerName, long brokerId, int port, Path dir, ChildJvm jvm) {
        this.clusterName = clusterName;
        this.brokerName = brokerName;
        this.brokerId = brokerId;
        this.port = port;
        this.dir = dir;
        this.jvm = jvm;
    }

    /** A master (brokerId 0) registering with the given name servers. */
    public static BrokerProcess start(String clusterName, String brokerName, String namesrvAddr) {
        return start(clusterName, brokerName, 0, namesrvAddr, Map.of());
    }

    /**
     * @param namesrvAddr name server addresses separated by ';'
     * @param brokerId 0 for a master; a positive id makes a slave ({@code brokerRole=SLAVE}
     *                 unless {@code extraConfig} says otherwise: Apache resets a master's id to 0)
     * @param extraConfig broker.conf entries added to or overriding the defaults
     */
    public static BrokerProcess start(String clusterName, String brokerName, long brokerId,
                                      String namesrvAddr, Map<String, String> extraConfig) {
        int port = FreePorts.forBroker();
        Path dir = PeerDirs.create("broker-" + brokerName + "-" + brokerId + "-" + port);
        Path home = dir.resolve("home");
        Path store = dir.resolve("store");
        PeerDirs.createDirectories(home);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("brokerClusterName", clusterName);
        config.put("brokerName", brokerName);
        config.put("brokerId", Long.toString(brokerId));
        if (brokerId != 0) {
            config.put("brokerRole", "SLAVE");
        }
        config.put("listenPort", Integer.toString(port));
        config.put("haListenPort", Integer.toString(port + 1));
        config.put("brokerIP1", "127.0.0.1");
        config.put("brokerIP2", "127.0.0.1");
        config.put("bindAddress", "127.0.0.1");
        config.put("namesrvAddr", namesrvAddr);
        config.put("rocketmqHome", home.toString());
        config.put("storePathRootDir", store.toString());
        config.put("storePathCommitLog", store.resolve("commitlog").toString());
        config.put("autoCreateTopicEnable", "true");
        config.put("mappedFileSizeCommitLog", "67108864");
        config.put("mappedFileSizeConsumeQueue", "600000");
        config.put("mappedFileSizeTimerLog", "8388608");
        config.putAll(extraConfig);
        Path configFile = PeerConfigFile.write(dir.resolve("broker.conf"), config);
        return launch(clusterName, brokerName, brokerId, port, dir, configFile, "");
    }

    private static BrokerProcess launch(String clusterName, String brokerName, long brokerId, int port, Path dir,
                                        Path configFile, String runSuffix) {
        Path home = dir.resolve("home");
        Path store = dir.resolve("store");
        String name = "broker-" + brokerName + "-" + brokerId + runSuffix;
        ChildJvm.Builder builder = ChildJvm.builder(name, MAIN)
                .workDir(dir)
                .jvmOption(HEAP)
                .systemProperty("user.home", home.toString())
                .env("ROCKETMQ_HOME", home.toString())
                .args("-c", configFile.toString());
        PeerLogging.quietApache(builder);
        ChildJvm jvm = builder.start();
        try {
            jvm.waitForLine(BOOT_LINE, BOOT_TIMEOUT);
        } catch (RuntimeException e) {
            jvm.close();
            PeerDirs.deleteQuietly(store);
            throw e;
        }
        return new BrokerProcess(clusterName, brokerName, brokerId, port, dir, jvm);
    }

    /**
     * The same broker started again, on the same port, config and store (after {@link #crash()}):
     * a broker in controller mode comes back with the id and data it had.
     */
    public BrokerProcess restart() {
        if (jvm.isAlive()) {
            throw new IllegalStateException(this + " is still running");
        }
        return launch(clusterName, brokerName, brokerId, port, dir, dir.resolve("broker.conf"), "-restarted");
    }

    /** {@code 127.0.0.1:P}, the address the broker registers and clients connect to. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String clusterName() {
        return clusterName;
    }

    public String brokerName() {
        return brokerName;
    }

    public long brokerId() {
        return brokerId;
    }

    public Path dir() {
        return dir;
    }

    public Path logFile() {
        return jvm.logFile();
    }

    public long pid() {
        return jvm.pid();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    /** SIGSTOP: the broker hangs with its connections open (see {@link ChildJvm#freeze()}). */
    public void freeze() {
        jvm.freeze();
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        jvm.thaw();
    }

    /** SIGKILL, keeping the store so that {@link #restart()} brings the same broker back. */
    public void crash() {
        jvm.kill();
    }

    /** SIGKILL: the broker vanishes without unregistering, as in a crash. */
    public void kill() {
        jvm.kill();
        PeerDirs.deleteQuietly(dir.resolve("store"));
    }

    /**
     * Graceful stop, bounded (SIGKILL after 20 s): Apache's broker unregisters from its name
     * servers on the way out. Slow (about 7 s); after {@link #kill()} it does nothing.
     */
    @Override
    public void close() {
        jvm.stop(GRACEFUL_STOP);
        PeerDirs.deleteQuietly(dir.resolve("store"));
    }

    @Override
    public String toString() {
        return jvm.name() + "@" + address();
    }
}
