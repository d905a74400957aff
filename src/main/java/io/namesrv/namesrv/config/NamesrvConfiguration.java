package io.namesrv.namesrv.config;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's live configuration: the registered config beans plus the raw {@code -c} properties.
 * Answers GET_NAMESRV_CONFIG (319) and applies UPDATE_NAMESRV_CONFIG (318).
 *
 * <p>An update is all or nothing: if any key is not runtime-tunable, or any value does not parse,
 * nothing changes; if persisting fails, the beans are put back as they were. Methods are
 * synchronized so a dump never sees half an update and two updates never interleave their writes.
 */
public final class NamesrvConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LoggerNames.NAMESRV);
    /** Versions of the config file kept next to it by runtime updates. */
    public static final int BACKUPS = 3;

    private final Path storePath;
    private final Properties originalProperties;
    private final Predicate<String> tunable;
    private final List<Object> beans;

    /**
     * @param storePath          where a successful update persists every config ({@code configStorePath})
     * @param originalProperties the {@code -c} file as read (copied; may be empty)
     * @param tunable            which keys an update may change, e.g. {@link RuntimeTunableKeys#allowed}
     * @param beans              the config beans; for a key several share, the later one is shown
     */
    public NamesrvConfiguration(Path storePath, Properties originalProperties, Predicate<String> tunable,
        List<?> beans) {
        this.storePath = storePath;
        this.originalProperties = new Properties();
        this.originalProperties.putAll(originalProperties);
        this.tunable = tunable;
        this.beans = List.copyOf(beans);
    }

    /** Every config: the {@code -c} properties overlaid with the beans' current values, by key. */
    public synchronized SortedMap<String, String> allConfigs() {
        SortedMap<String, String> all = new TreeMap<>();
        for (String key : originalProperties.stringPropertyNames()) {
            all.put(key, originalProperties.getProperty(key));
        }
        all.putAll(ConfigPrinter.properties(beans.toArray()));
        return all;
    }

    /** The GET_NAMESRV_CONFIG body: {@code key=value\n} lines sorted by key. */
    public String dump() {
        return ConfigPrinter.format(allConfigs());
    }

    /** Applies an UPDATE_NAMESRV_CONFIG body (properties text, UTF-8). A missing body changes nothing. */
    public synchronized UpdateResult update(byte[] body) {
        if (body == null) {
            return UpdateResult.success();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return new UpdateResult(ResponseCode.SYSTEM_ERROR, "string2Properties error");
        }
        return update(properties);
    }

    /** Applies the properties if every key is tunable and every value parses; persists on success. */
    public synchronized UpdateResult update(Properties properties) {
        TreeSet<String> refused = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!tunable.test(key) || beans.stream().noneMatch(bean -> ConfigBinder.canBind(bean, key))) {
                refused.add(key);
            }
        }
        if (!refused.isEmpty()) {
            log.warn("refused UPDATE_NAMESRV_CONFIG, keys not tunable at runtime: {}", refused);
            return new UpdateResult(ResponseCode.NO_PERMISSION,
                "Can not update config, keys not tunable at runtime: " + String.join(", ", refused));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (Object bean : beans) {
            problems.addAll(ConfigBinder.check(properties, bean));
        }
        if (!problems.isEmpty()) {
            return new UpdateResult(ResponseCode.SYSTEM_ERROR, "Can not update config, bad value: " + problems);
        }
        Properties previous = previousValues(properties);
        bindAll(properties);
        try {
            persist(properties.stringPropertyNames());
        } catch (IOException e) {
            log.error("persist config to {} failed, update undone", storePath, e);
            bindAll(previous);
            return new UpdateResult(ResponseCode.SYSTEM_ERROR, "persist config failed: " + e);
        }
        log.info("config updated: {}", properties);
        return UpdateResult.success();
    }

    /**
     * Writes the changed keys' current values into the store path (the {@code -c} file), changing
     * only their lines: the operator's comments, order and other keys stay as written (Apache
     * rewrites the file as a bare dump of every key). Atomic, keeping the last
     * {@link #BACKUPS} versions ({@code .bak}, {@code .bak.1}, ...). A file that does not exist
     * yet (no {@code -c} given) is created with just those keys.
     */
    private void persist(Set<String> changedKeys) throws IOException {
        SortedMap<String, String> current = ConfigPrinter.properties(beans.toArray());
        Map<String, String> changes = new TreeMap<>();
        for (String key : changedKeys) {
            changes.put(key, current.get(key));
        }
        String text = Files.exists(storePath) ? Files.readString(storePath, StandardCharsets.UTF_8) : "";
        AtomicFileWriter.write(storePath, PropertiesFileEdit.apply(text, changes).getBytes(StandardCharsets.UTF_8), BACKUPS);
    }

    public Path storePath() {
        return storePath;
    }

    private Properties previousValues(Properties update) {
        SortedMap<String, String> current = ConfigPrinter.properties(beans.toArray());
        Properties previous = new Properties();
        for (String key : update.stringPropertyNames()) {
            String value = current.get(key);
            if (value != null) {
                previous.setProperty(key, value);
            }
        }
        return previous;
    }

    private void bindAll(Properties properties) {
        for (Object bean : beans) {
            List<ConfigProblem> problems = ConfigBinder.bind(properties, bean);
            if (!problems.isEmpty()) {
                log.warn("config not fully applied to {}: {}", bean.getClass().getSimpleName(), problems);
            }
        }
    }
}
