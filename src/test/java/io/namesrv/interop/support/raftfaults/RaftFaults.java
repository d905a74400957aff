package io.namesrv.interop.support.raftfaults;

import io.namesrv.interop.support.PeerDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The test's side of the Raft faults: the plan file that every node of one Raft group reads, and
 * what a node's child JVM needs to read it ({@link #jvmOptions}, {@link #servicesDir}). Each change
 * replaces the file atomically, so a node never reads half a plan.
 */
public final class RaftFaults {

    private final Path dir;
    private final Path plan;
    private final Path services;
    private Set<String> isolated = Set.of();
    private Set<String> slowStorage = Set.of();
    private long slowStorageMillis;

    public RaftFaults() {
        this.dir = PeerDirs.create("raft-faults");
        this.plan = dir.resolve("plan.properties");
        this.services = dir.resolve("providers");
        writeServices();
        write();
    }

    /** The directory to put ahead of a node's classpath: sofa-jraft then loads the faulty providers. */
    public Path servicesDir() {
        return services;
    }

    /** The system properties naming the node (its Raft address, {@code host:port}) and the plan. */
    public List<String> jvmOptions(String raftAddress) {
        return List.of("-D" + FaultPlan.SELF + "=" + raftAddress, "-D" + FaultPlan.FILE + "=" + plan);
    }

    /** The line a node prints to its console log for each write of its Raft storage held up. */
    public static Pattern heldUpWrite(String raftAddress) {
        return Pattern.compile(Pattern.quote(StorageDelay.LINE_PREFIX + raftAddress + " storage write held up"));
    }

    /** Cuts {@code raftAddress} off from every other node: no Raft request crosses, either way. */
    public synchronized void isolate(String raftAddress) {
        isolated = Set.of(raftAddress);
        write();
    }

    /** Every node reaches every other again. */
    public synchronized void heal() {
        isolated = Set.of();
        write();
    }

    /** Each write to {@code raftAddress}'s Raft log and meta storage now takes {@code delay} longer. */
    public synchronized void slowStorage(String raftAddress, Duration delay) {
        slowStorage = Set.of(raftAddress);
        slowStorageMillis = delay.toMillis();
        write();
    }

    /** Every node's storage is as fast as its disk again. */
    public synchronized void fastStorage() {
        slowStorage = Set.of();
        slowStorageMillis = 0;
        write();
    }

    private void write() {
        String content = FaultPlan.ISOLATED + "=" + String.join(",", isolated) + "\n"
            + FaultPlan.SLOW_STORAGE + "=" + String.join(",", slowStorage) + "\n"
            + FaultPlan.SLOW_STORAGE_MILLIS + "=" + slowStorageMillis + "\n";
        try {
            Path temp = dir.resolve("plan.properties.tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, plan, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeServices() {
        try {
            Path meta = Files.createDirectories(services.resolve("META-INF").resolve("services"));
            Files.writeString(meta.resolve("com.alipay.sofa.jraft.rpc.RaftRpcFactory"),
                PartitioningRaftRpcFactory.class.getName() + "\n", StandardCharsets.UTF_8);
            Files.writeString(meta.resolve("com.alipay.sofa.jraft.JRaftServiceFactory"),
                SlowStorageServiceFactory.class.getName() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
