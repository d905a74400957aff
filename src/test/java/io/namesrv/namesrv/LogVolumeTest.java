package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.namesrv.common.LoggerNames;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.config.RuntimeTunableKeys;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What lands in namesrv.log and how much: KV and config changes go to the name server's own log
 * (namesrv.log, as Apache's and README say, not namesrv_default.log), and the watermark line
 * speaks while the queues hold requests, not every second at rest.
 */
class LogVolumeTest {

    private final List<Runnable> undo = new ArrayList<>();

    /** Captures what {@code name} logs at INFO and above for the length of the test. */
    private ListAppender<ILoggingEvent> capture(String name) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        undo.add(() -> {
            logger.detachAppender(appender);
            logger.setLevel(before);
        });
        return appender;
    }

    @AfterEach
    void restore() {
        undo.forEach(Runnable::run);
    }

    @Test
    void kvAndConfigChangesAreLoggedByTheNameServersOwnLogger(@TempDir Path dir) throws Exception {
        ListAppender<ILoggingEvent> namesrv = capture(LoggerNames.NAMESRV);
        KVConfigManager kv = new KVConfigManager(dir.resolve("kvConfig.json"));
        kv.load();
        kv.putKVConfig("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4");
        NamesrvConfig config = new NamesrvConfig();
        NamesrvConfiguration configuration = new NamesrvConfiguration(dir.resolve("namesrv.properties"), new Properties(),
            RuntimeTunableKeys.allowed(RuntimeTunableKeys.NAMESRV, config::getConfigBlackList), List.of(config));
        assertTrue(configuration.update("orderMessageEnable=true".getBytes(StandardCharsets.UTF_8)).isSuccess());
        List<String> lines = namesrv.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("putKVConfig") && l.contains("TopicA")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("config updated") && l.contains("orderMessageEnable")),
            lines.toString());
    }

    @Test
    void theWaterMarkSpeaksWhileQueuesHoldRequestsAndOnceAMinuteAtRest() {
        ListAppender<ILoggingEvent> waterMark = capture(LoggerNames.NAMESRV_WATER_MARK);
        WaterMarkLog log = new WaterMarkLog();
        List<Long> written = new ArrayList<>();
        for (long second = 0; second < 180; second++) {
            boolean busy = second >= 100 && second < 103;
            int before = waterMark.list.size();
            log.offer(second * 1000, busy ? 5 : 0, busy ? 40 : 0, 0, 0);
            if (waterMark.list.size() > before) {
                written.add(second);
            }
        }
        // at rest once a minute; each busy second; the second the queues are empty again; then a minute later
        assertEquals(List.of(0L, 60L, 100L, 101L, 102L, 103L, 163L), written);
        assertEquals("[WATERMARK] ClientQueueSize:5 ClientQueueSlowTime:40 DefaultQueueSize:0 DefaultQueueSlowTime:0",
            waterMark.list.get(2).getFormattedMessage());
    }
}
