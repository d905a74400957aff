package io.namesrv.interop.support;

import java.util.List;

/**
 * JVM options every child JVM gets: Apache's jars reach into JDK internals on Java 17 and fail
 * without these. Mirrors the pom property {@code peer.jvm.opens} (a test keeps the two in step).
 */
public final class PeerJvmOptions {

    public static final List<String> OPENS = List.of(
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "-Djava.net.preferIPv4Stack=true");

    private PeerJvmOptions() {
    }
}
