package io.namesrv.namesrv.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds a bean's config properties by its public methods, the way Apache names them: a setter
 * {@code setFooBar(T)} binds key {@code fooBar}; a getter {@code getFooBar()} or boolean
 * {@code isFooBar()} reads it. Only the value types a properties file can carry are considered.
 */
final class BeanProperties {

    /** The parameter types a setter may take; anything else is not a config property. */
    static final Set<Class<?>> BINDABLE_TYPES = Set.of(
        int.class, Integer.class, long.class, Long.class, double.class, Double.class,
        float.class, Float.class, boolean.class, Boolean.class, String.class);

    private BeanProperties() {
    }

    /** Key to setter. With overloads, a non-String setter wins so numbers stay typed. */
    static Map<String, Method> setters(Class<?> type) {
        Map<String, Method> found = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1) {
                continue;
            }
            String name = m.getName();
            if (!name.startsWith("set") || name.length() <= 3 || !BINDABLE_TYPES.contains(m.getParameterTypes()[0])) {
                continue;
            }
            String key = keyOf(name.substring(3));
            Method previous = found.get(key);
            if (previous == null || previous.getParameterTypes()[0] == String.class) {
                found.put(key, accessible(m));
            }
        }
        return found;
    }

    /** Key to getter, for every public no-argument {@code getX()} (but getClass) and boolean {@code isX()}. */
    static Map<String, Method> getters(Class<?> type) {
        Map<String, Method> found = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getReturnType() == void.class) {
                continue;
            }
            String name = m.getName();
            if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
                found.put(keyOf(name.substring(3)), accessible(m));
            } else if (name.startsWith("is") && name.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                found.putIfAbsent(keyOf(name.substring(2)), accessible(m));
            }
        }
        return found;
    }

    /** Apache's rule: lower-case only the first letter ({@code UnRegisterX} becomes {@code unRegisterX}). */
    private static String keyOf(String suffix) {
        return Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
    }

    /** Lets a public method of a non-public class (a test's nested bean) be invoked. */
    private static Method accessible(Method m) {
        m.trySetAccessible();
        return m;
    }
}
