package io.namesrv.namesrv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.NamesrvConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigPrinterTest {

    @Test
    void printsEveryReadablePropertySortedNullsEmptyAsApachesDashP() {
        TestBean bean = new TestBean();
        List<String> lines = ConfigPrinter.lines(bean);

        assertEquals(List.of("boxedFlag=", "boxedInt=", "boxedLong=", "enabled=false", "listenPort=9876", "name=default",
            "notBindable=", "ratio=0.5", "timeoutMillis=3000", "weight=1.5"), lines);
        assertEquals(Map.of("enabled", "false", "listenPort", "9876", "name", "default", "ratio", "0.5",
            "timeoutMillis", "3000", "weight", "1.5"), ConfigPrinter.properties(bean), "GET_NAMESRV_CONFIG leaves nulls out");
    }

    @Test
    void mergesBeansSortedWithTheLaterBeanWinning() {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome("/opt/rocketmq");
        TestBean bean = new TestBean();
        bean.setName("b");
        List<String> lines = ConfigPrinter.lines(config, bean);

        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        assertEquals(sorted, lines);
        assertTrue(lines.contains("scanNotActiveBrokerInterval=10000"));
        assertTrue(lines.contains("rocketmqHome=/opt/rocketmq"));
        assertTrue(lines.contains("listenPort=9876"));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("class=")));

        Map<String, String> shared = new TreeMap<>(ConfigPrinter.properties(bean, new TestBean()));
        assertEquals("default", shared.get("name"));
    }

    @Test
    void formatsKeyEqualsValueLines() {
        assertEquals("a=1\nb=x y\n", ConfigPrinter.format(new TreeMap<>(Map.of("b", "x y", "a", "1"))));
        assertEquals("", ConfigPrinter.format(Map.of()));
    }

    @Test
    void namesrvConfigDefaultsMatchTheSpec() {
        NamesrvConfig c = new NamesrvConfig();
        Map<String, String> p = ConfigPrinter.properties(c);
        String home = System.getProperty("user.home");
        assertEquals(home + "/namesrv/kvConfig.json".replace('/', java.io.File.separatorChar), p.get("kvConfigPath"));
        assertEquals(home + "/namesrv/namesrv.properties".replace('/', java.io.File.separatorChar),
            p.get("configStorePath"));
        assertEquals("center", p.get("productEnvName"));
        assertEquals("false", p.get("clusterTest"));
        assertEquals("false", p.get("orderMessageEnable"));
        assertEquals("true", p.get("returnOrderTopicConfigToBroker"));
        assertEquals("8", p.get("clientRequestThreadPoolNums"));
        assertEquals("16", p.get("defaultThreadPoolNums"));
        assertEquals("50000", p.get("clientRequestThreadPoolQueueCapacity"));
        assertEquals("10000", p.get("defaultThreadPoolQueueCapacity"));
        assertEquals("10000", p.get("scanNotActiveBrokerInterval"));
        assertEquals("3000", p.get("unRegisterBrokerQueueCapacity"));
        assertEquals("false", p.get("supportActingMaster"));
        assertEquals("true", p.get("enableAllTopicList"));
        assertEquals("true", p.get("enableTopicList"));
        assertEquals("false", p.get("notifyMinBrokerIdChanged"));
        assertEquals("false", p.get("enableControllerInNamesrv"));
        assertEquals("false", p.get("needWaitForService"));
        assertEquals("45", p.get("waitSecondsForService"));
        assertEquals("false", p.get("deleteTopicWithBrokerRegistration"));
        assertEquals("configBlackList;configStorePath;kvConfigPath", p.get("configBlackList"));
    }

    @Test
    void namesrvConfigHasExactlyApacheKeys() {
        org.apache.rocketmq.common.namesrv.NamesrvConfig apache = new org.apache.rocketmq.common.namesrv.NamesrvConfig();
        assertEquals(ConfigPrinter.properties(apache).keySet(), ConfigPrinter.properties(new NamesrvConfig()).keySet());
    }
}
