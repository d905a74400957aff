package io.namesrv.interop.support.raftfaults;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The faults in force, as the child JVM reads them from the plan file a test writes: the Raft
 * addresses cut off from the rest, and the nodes whose Raft storage is slow and by how much.
 * This node's own Raft address and the plan file come as system properties ({@value #SELF},
 * {@value #FILE}).
 */
record FaultPlan(Set<String> isolated, Set<String> slowStorage, long slowStorageMillis) {

    static final String SELF = "namesrv.test.raftFaults.self";
    static final String FILE = "namesrv.test.raftFaults.file";
    static final String ISOLATED = "isolated";
    static final String SLOW_STORAGE = "slowStorage";
    static final String SLOW_STORAGE_MILLIS = "slowStorageMillis";

    private static final FaultPlan NONE = new FaultPlan(Set.of(), Set.of(), 0);

    /** The plan as the file says now (no file, or none named: no faults). */
    static FaultPlan current() {
        String file = System.getProperty(FILE);
        if (file == null) {
            return NONE;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FaultPlan(addresses(p.getProperty(ISOLATED)), addresses(p.getProperty(SLOW_STORAGE)),
            Long.parseLong(p.getProperty(SLOW_STORAGE_MILLIS, "0")));
    }

    static String self() {
        String self = System.getProperty(SELF);
        if (self == null) {
            throw new IllegalStateException("-D" + SELF + "=<this node's Raft address> is required with the fault providers");
        }
        return self;
    }

    /** True when a request from {@code from} to {@code to} crosses the cut (one side isolated, the other not). */
    boolean cuts(String from, String to) {
        return isolated.contains(from) != isolated.contains(to);
    }

    /** How long each write of {@code node}'s Raft storage is held up. */
    long storageDelayMillis(String node) {
        return slowStorage.contains(node) ? slowStorageMillis : 0;
    }

    private static Set<String> addresses(String list) {
        return list == null ? Set.of() : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    }
}
