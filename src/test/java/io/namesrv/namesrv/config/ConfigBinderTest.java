package io.namesrv.namesrv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.NamesrvConfig;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigBinderTest {

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void bindsEveryBindableTypeByPropertyName() {
        TestBean bean = new TestBean();
        List<ConfigProblem> problems = ConfigBinder.bind(props(
            "listenPort", "10911", "boxedInt", "7", "timeoutMillis", "12345678901",
            "boxedLong", "-3", "ratio", "0.25", "weight", "2.5", "enabled", "TRUE",
            "boxedFlag", "false", "name", "broker-a"), bean);

        assertEquals(List.of(), problems);
        assertEquals(10911, bean.getListenPort());
        assertEquals(7, bean.getBoxedInt());
        assertEquals(12345678901L, bean.getTimeoutMillis());
        assertEquals(-3L, bean.getBoxedLong());
        assertEquals(0.25, bean.getRatio());
        assertEquals(2.5f, bean.getWeight());
        assertTrue(bean.isEnabled());
        assertEquals(Boolean.FALSE, bean.getBoxedFlag());
        assertEquals("broker-a", bean.getName());
    }

    @Test
    void trimsValuesBeforeParsing() {
        TestBean bean = new TestBean();
        assertEquals(List.of(), ConfigBinder.bind(props("name", "  spaced  ", "listenPort", " 8080 ",
            "enabled", " true\t"), bean));
        assertEquals("spaced", bean.getName());
        assertEquals(8080, bean.getListenPort());
        assertTrue(bean.isEnabled());
    }

    @Test
    void reportsUnparsableValuesAndKeepsTheOldOnes() {
        TestBean bean = new TestBean();
        List<ConfigProblem> problems = ConfigBinder.bind(props(
            "listenPort", "98x76", "enabled", "yes", "ratio", "half", "name", "applied"), bean);

        assertEquals(3, problems.size(), problems.toString());
        assertEquals(List.of("enabled", "listenPort", "ratio"), problems.stream().map(ConfigProblem::key).toList());
        assertEquals("98x76", problems.get(1).value());
        assertEquals(9876, bean.getListenPort());
        assertFalse(bean.isEnabled());
        assertEquals(0.5, bean.getRatio());
        assertEquals("applied", bean.getName(), "good values still apply");
    }

    @Test
    void reportsValuesTheSetterRejects() {
        TestBean bean = new TestBean();
        List<ConfigProblem> problems = ConfigBinder.bind(props("timeoutMillis", "-1"), bean);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).reason().contains("negative timeout"), problems.toString());
        assertEquals(3000, bean.getTimeoutMillis());
    }

    @Test
    void ignoresUnknownKeysAndUnbindableTypes() {
        TestBean bean = new TestBean();
        assertEquals(List.of(), ConfigBinder.bind(props("noSuchKey", "x", "notBindable", "y"), bean));
        assertNull(bean.getNotBindable());
        assertFalse(ConfigBinder.canBind(bean, "notBindable"));
        assertTrue(ConfigBinder.canBind(bean, "listenPort"));
    }

    @Test
    void checkParsesButChangesNothing() {
        TestBean bean = new TestBean();
        List<ConfigProblem> problems = ConfigBinder.check(props("listenPort", "1", "ratio", "bad"), bean);
        assertEquals(List.of("ratio"), problems.stream().map(ConfigProblem::key).toList());
        assertEquals(9876, bean.getListenPort());
    }

    @Test
    void bindsNamesrvConfigKeysAsApacheNamesThem() {
        NamesrvConfig config = new NamesrvConfig();
        assertEquals(List.of(), ConfigBinder.bind(props(
            "scanNotActiveBrokerInterval", "2500", "unRegisterBrokerQueueCapacity", "17",
            "enableAllTopicList", "false", "kvConfigPath", "/data/kv.json "), config));
        assertEquals(2500, config.getScanNotActiveBrokerInterval());
        assertEquals(17, config.getUnRegisterBrokerQueueCapacity());
        assertFalse(config.isEnableAllTopicList());
        assertEquals("/data/kv.json", config.getKvConfigPath());
    }
}
