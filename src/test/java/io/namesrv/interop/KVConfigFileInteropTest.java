package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.namesrv.kvconfig.KVConfigManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kvConfig.json written by Apache's 5.3.3 name server loads in ours, and the other way round. */
class KVConfigFileInteropTest {

    @TempDir
    Path dir;

    /** Apache's manager reads its path from the controller's config; the controller is not started. */
    private static org.apache.rocketmq.namesrv.kvconfig.KVConfigManager apache(Path file) {
        NamesrvConfig config = new NamesrvConfig();
        config.setKvConfigPath(file.toString());
        NamesrvController controller = new NamesrvController(config, new NettyServerConfig());
        org.apache.rocketmq.namesrv.kvconfig.KVConfigManager manager =
            new org.apache.rocketmq.namesrv.kvconfig.KVConfigManager(controller);
        manager.load();
        return manager;
    }

    @Test
    void oursLoadsApachesFile() throws IOException {
        Path file = dir.resolve("namesrv/kvConfig.json");
        org.apache.rocketmq.namesrv.kvconfig.KVConfigManager theirs = apache(file);
        theirs.putKVConfig("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:4;broker-b:4");
        theirs.putKVConfig("ns", "ünï", "cödé \"q\"");
        theirs.putKVConfig("emptied", "k", "v");
        theirs.deleteKVConfig("emptied", "k");

        KVConfigManager ours = new KVConfigManager(file);
        ours.load();
        assertEquals(Optional.of("broker-a:4;broker-b:4"), ours.getKVConfig("ORDER_TOPIC_CONFIG", "TopicTest"));
        assertEquals(Optional.of("cödé \"q\""), ours.getKVConfig("ns", "ünï"));
        assertEquals(Optional.of(Map.of()), ours.getKVListByNamespace("emptied"));
    }

    @Test
    void apacheLoadsOurFile() throws IOException {
        Path file = dir.resolve("namesrv/kvConfig.json");
        KVConfigManager ours = new KVConfigManager(file);
        ours.load();
        ours.putKVConfig("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:4");
        ours.putKVConfig("ns", "ünï", "cödé \"q\"");
        ours.putKVConfig("emptied", "k", "v");
        ours.deleteKVConfig("emptied", "k");

        org.apache.rocketmq.namesrv.kvconfig.KVConfigManager theirs = apache(file);
        assertEquals("broker-a:4", theirs.getKVConfig("ORDER_TOPIC_CONFIG", "TopicTest"));
        assertEquals("cödé \"q\"", theirs.getKVConfig("ns", "ünï"));
        assertEquals("{\"table\":{}}",
            new String(theirs.getKVListByNamespace("emptied"), StandardCharsets.UTF_8));
    }
}
