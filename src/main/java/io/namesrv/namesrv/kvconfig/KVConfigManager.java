package io.namesrv.namesrv.kvconfig;

import io.namesrv.common.LoggerNames;
import io.namesrv.namesrv.config.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Namespaced key/value configuration (PUT/GET/DELETE_KV_CONFIG, GET_KVLIST_BY_NAMESPACE), kept in
 * memory and written to kvConfig.json on every change before the change is acknowledged.
 *
 * <p>Unlike Apache, the file is replaced atomically ({@link AtomicFileWriter}), so a crash at any
 * moment leaves a valid file holding every acknowledged change. A namespace, once created, stays
 * (also when its last key is deleted), as Apache's does: "namespace exists" decides whether a
 * registration response carries the ORDER_TOPIC_CONFIG table.
 */
public final class KVConfigManager {

    private static final Logger log = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    private final Path path;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Serializes file writes: they share the temp file, and the last writer must see every change. */
    private final ReentrantLock persistLock = new ReentrantLock();
    private final Map<String, Map<String, String>> configTable = new HashMap<>();

    public KVConfigManager(Path kvConfigPath) {
        this.path = kvConfigPath;
    }

    /**
     * Proves at start that every later write of the store can succeed: the directory exists (or
     * is created) and a file can be created in it, which is what each atomic write does (a
     * temporary file renamed over the store). A store that cannot be written would otherwise be
     * found out only at the first KV change, which would then fail.
     */
    public static void checkWritable(Path kvConfigPath) throws IOException {
        Path file = kvConfigPath.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory");
        }
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, "." + file.getFileName(), ".probe");
        Files.delete(probe);
    }

    public Path path() {
        return path;
    }

    /**
     * Loads the file. A missing file means an empty table. If the file is missing or damaged but
     * {@code <file>.bak} is valid, the backup is used. A damaged file without a valid backup fails
     * the load rather than start empty and overwrite what might still be recovered by hand.
     */
    public void load() throws IOException {
        Map<String, Map<String, String>> loaded = read();
        lock.writeLock().lock();
        try {
            configTable.clear();
            configTable.putAll(loaded);
        } finally {
            lock.writeLock().unlock();
        }
        log.info("load KV config table OK, {} namespaces from {}", loaded.size(), path);
    }

    private Map<String, Map<String, String>> read() throws IOException {
        AtomicFileWriter.ReadBack<Map<String, Map<String, String>>> read;
        try {
            read = AtomicFileWriter.readBack(path,
                content -> KVConfigCodec.decode(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IOException("KV config " + path + " unusable and no valid backup", e);
        }
        if (read == null) {
            return new HashMap<>();
        }
        if (read.fromBackup()) {
            log.warn("KV config {} unusable ({}), recovered from {}", path, read.fileProblem().getMessage(), read.source());
        }
        return read.value();
    }

    /**
     * Sets a value and persists. A null value removes the key but creates the namespace, which is
     * what Apache's table shows after storing a null (null values are not written to the file).
     * If persisting fails the change stays in memory (the next successful write carries it) and the
     * caller hears about the failure.
     */
    public void putKVConfig(String namespace, String key, String value) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        lock.writeLock().lock();
        try {
            Map<String, String> kv = configTable.computeIfAbsent(namespace, ns -> {
                log.info("putKVConfig create new Namespace {}", ns);
                return new HashMap<>();
            });
            if (value == null) {
                kv.remove(key);
            } else {
                String previous = kv.put(key, value);
                log.info("putKVConfig {} config item, Namespace: {} Key: {} Value: {}",
                    previous == null ? "create new" : "update", namespace, key, value);
            }
        } finally {
            lock.writeLock().unlock();
        }
        persist();
    }

    /** Removes a key (the namespace stays) and persists, also when nothing was there, as Apache does. */
    public void deleteKVConfig(String namespace, String key) throws IOException {
        lock.writeLock().lock();
        try {
            Map<String, String> kv = configTable.get(namespace);
            if (kv != null) {
                String removed = kv.remove(key);
                log.info("deleteKVConfig delete a config item, Namespace: {} Key: {} Value: {}", namespace, key, removed);
            }
        } finally {
            lock.writeLock().unlock();
        }
        persist();
    }

    public Optional<String> getKVConfig(String namespace, String key) {
        lock.readLock().lock();
        try {
            Map<String, String> kv = configTable.get(namespace);
            return kv == null ? Optional.empty() : Optional.ofNullable(kv.get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of the namespace's entries (possibly empty), or empty if the namespace does not exist. */
    public Optional<Map<String, String>> getKVListByNamespace(String namespace) {
        lock.readLock().lock();
        try {
            Map<String, String> kv = configTable.get(namespace);
            return kv == null ? Optional.empty() : Optional.of(Map.copyOf(kv));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many namespaces and entries the table holds, for metrics. */
    public record Counts(int namespaces, int entries) {
    }

    public Counts counts() {
        lock.readLock().lock();
        try {
            int entries = 0;
            for (Map<String, String> kv : configTable.values()) {
                entries += kv.size();
            }
            return new Counts(configTable.size(), entries);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes the whole table. The snapshot is taken inside the persist lock, so the last write wins with everything. */
    public void persist() throws IOException {
        persistLock.lock();
        try {
            String json;
            lock.readLock().lock();
            try {
                json = KVConfigCodec.encode(configTable);
            } finally {
                lock.readLock().unlock();
            }
            AtomicFileWriter.write(path, json.getBytes(StandardCharsets.UTF_8), true);
        } finally {
            persistLock.unlock();
        }
    }

    /** Logs every entry; the controller runs this every 10 minutes, as Apache does. */
    public void printAllPeriodically() {
        lock.readLock().lock();
        try {
            log.info("--------------------------------------------------------");
            log.info("configTable SIZE: {}", configTable.size());
            configTable.forEach((ns, kv) ->
                kv.forEach((k, v) -> log.info("configTable NS: {} Key: {} Value: {}", ns, k, v)));
        } finally {
            lock.readLock().unlock();
        }
    }
}
