package io.namesrv.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.config.ConfigBinder;
import io.namesrv.namesrv.config.ConfigPrinter;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.common.ControllerConfig;
import org.apache.rocketmq.common.JraftConfig;
import org.junit.jupiter.api.Test;

/**
 * Every key of Apache 5.3.3's {@code ControllerConfig} and {@code JraftConfig} is a key of ours,
 * with Apache's default (paths under the home directory aside), so a controller section of an
 * Apache -c file is understood whole.
 */
class ControllerConfigTest {

    private static final Set<String> HOME_PATHS = Set.of("controllerStorePath", "configStorePath", "rocketmqHome");

    private static Set<String> apacheKeys(Class<?> type) {
        Set<String> keys = new TreeSet<>();
        for (Method m : type.getMethods()) {
            String name = m.getName();
            if (name.startsWith("set") && m.getParameterCount() == 1 && m.getDeclaringClass() == type
                && !name.equals("setJraftConfig")) {
                keys.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
            }
        }
        return keys;
    }

    @Test
    void everyApacheKeyIsOurs() {
        io.namesrv.controller.ControllerConfig ours = new io.namesrv.controller.ControllerConfig();
        Set<String> keys = new TreeSet<>(apacheKeys(ControllerConfig.class));
        keys.addAll(apacheKeys(JraftConfig.class));
        assertTrue(keys.size() > 30, keys.toString());
        for (String key : keys) {
            assertTrue(ConfigBinder.canBind(ours, key), key + " is not a key of ours");
        }
    }

    @Test
    void defaultsAreApaches() {
        Map<String, String> ours = ConfigPrinter.properties(new io.namesrv.controller.ControllerConfig());
        Properties apache = apacheDefaults(new ControllerConfig());
        apache.putAll(apacheDefaults(new JraftConfig()));
        assertTrue(apache.size() > 25, apache.toString());
        for (String key : apache.stringPropertyNames()) {
            if (ours.containsKey(key) && !HOME_PATHS.contains(key)) {
                assertEquals(apache.getProperty(key), ours.get(key), key);
            }
        }
        assertEquals("DLedger", ours.get("controllerType"));
        assertEquals("jRaft-Controller", ours.get("jRaftGroupId"));
    }

    /** Apache's getter values by key (getters that throw on defaults, such as getDLedgerAddress, skipped). */
    private static Properties apacheDefaults(Object bean) {
        Properties values = new Properties();
        for (Method m : bean.getClass().getMethods()) {
            String name = m.getName();
            if (m.getParameterCount() != 0 || m.getDeclaringClass() != bean.getClass()) {
                continue;
            }
            String key = name.startsWith("get") ? name.substring(3) : name.startsWith("is") ? name.substring(2) : null;
            if (key == null || key.isEmpty()) {
                continue;
            }
            try {
                Object v = m.invoke(bean);
                if (v != null && !(v instanceof JraftConfig)) {
                    values.setProperty(Character.toLowerCase(key.charAt(0)) + key.substring(1), v.toString());
                }
            } catch (ReflectiveOperationException e) {
                // a derived getter that cannot answer on defaults: not a key
            }
        }
        return values;
    }

    @Test
    void theDLedgerTypeIsRefusedNamingWhatToSet() {
        io.namesrv.controller.ControllerConfig config = new io.namesrv.controller.ControllerConfig();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddedController.raftSettings(config));
        assertTrue(e.getMessage().startsWith("controllerType=DLedger is not supported"), e.getMessage());
        Properties p = new Properties();
        p.setProperty("controllerType", "JRAFT");
        p.setProperty("jRaftServerId", "127.0.0.1:1");
        p.setProperty("jRaftInitConf", "127.0.0.1:1, 127.0.0.1:2");
        p.setProperty("jRaftControllerRPCAddr", "127.0.0.1:11,127.0.0.1:12");
        assertEquals(java.util.List.of(), ConfigBinder.bind(p, config));
        assertEquals("127.0.0.1:11", EmbeddedController.raftSettings(config).selfControllerAddress());
        assertEquals(11, EmbeddedController.controllerPort(config));
        p.setProperty("jRaftControllerRPCAddr", "127.0.0.1:11");
        ConfigBinder.bind(p, config);
        assertThrows(IllegalArgumentException.class, () -> EmbeddedController.raftSettings(config));
    }
}
