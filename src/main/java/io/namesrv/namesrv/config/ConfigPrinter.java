package io.namesrv.namesrv.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders config beans as {@code key=value} lines sorted by key: the {@code -p} listing, the
 * GET_NAMESRV_CONFIG body and the persisted config file. Null values are left out of the last
 * two and printed empty by {@code -p}, as Apache does.
 */
public final class ConfigPrinter {

    private ConfigPrinter() {
    }

    /** Every readable property of the beans; for a key several beans share, the later bean wins. */
    public static SortedMap<String, String> properties(Object... beans) {
        SortedMap<String, String> all = new TreeMap<>();
        for (Object bean : beans) {
            for (Map.Entry<String, Method> getter : BeanProperties.getters(bean.getClass()).entrySet()) {
                Object value = read(getter.getValue(), bean);
                if (value != null) {
                    all.put(getter.getKey(), value.toString());
                }
            }
        }
        return all;
    }

    /** One {@code key=value} per entry, in the map's order. */
    public static List<String> lines(Map<String, String> properties) {
        List<String> lines = new ArrayList<>(properties.size());
        properties.forEach((k, v) -> lines.add(k + "=" + v));
        return lines;
    }

    /**
     * The {@code -p} listing: every readable property of the beans as sorted {@code key=value}
     * lines, an unset (null) one as {@code key=}, as Apache's printObjectProperties prints it.
     */
    public static List<String> lines(Object... beans) {
        SortedMap<String, String> all = new TreeMap<>();
        for (Object bean : beans) {
            for (Map.Entry<String, Method> getter : BeanProperties.getters(bean.getClass()).entrySet()) {
                Object value = read(getter.getValue(), bean);
                all.put(getter.getKey(), value == null ? "" : value.toString());
            }
        }
        return lines(all);
    }

    /** Text of {@code key=value\n} lines, the shape of Apache's 319 body and config file. */
    public static String format(Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    private static Object read(Method getter, Object bean) {
        try {
            return getter.invoke(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("getter not accessible: " + getter, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("getter failed: " + getter, e.getCause());
        }
    }
}
