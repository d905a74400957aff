package io.namesrv.interop.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Quiet logging for Apache's name server and broker in child JVMs: {@code peer-logback.xml}
 * (warnings and up, to the console, i.e. the child's log file) for both their shaded logback
 * and the plain logback that Netty logs through.
 */
final class PeerLogging {

    private static final String PEER_LOGBACK = "peer-logback.xml";

    private PeerLogging() {
    }

    /**
     * The quiet logback config for Apache's children, as a path a child JVM can read. Both
     * logback flavours fall back to a classpath lookup, so outside Maven the bare name works.
     */
    static String peerLogbackConfig() {
        String testClasses = System.getProperty(ChildClasspath.TEST_CLASSES);
        if (testClasses != null) {
            Path file = Path.of(testClasses, PEER_LOGBACK);
            if (Files.isRegularFile(file)) {
                return file.toAbsolutePath().toString();
            }
        }
        return PEER_LOGBACK;
    }

    /** Quiet logging for an Apache peer: both logback flavours, and no SLF4J provider chatter. */
    static void quietApache(ChildJvm.Builder builder) {
        String config = peerLogbackConfig();
        builder.systemProperty("rmq.logback.configurationFile", config)
                .systemProperty("logback.configurationFile", config)
                .systemProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
    }
}
