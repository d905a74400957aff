package io.namesrv.namesrv.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Applies {@link Properties} to a bean through its public setters, with Apache's
 * {@code properties2Object} matching (key {@code fooBar} calls {@code setFooBar(T)}; keys the bean
 * has no setter for are left to other beans, see {@link StrictConfig} for keys no bean knows).
 * Unlike Apache, a value that does not parse, or that its setter refuses (an
 * IllegalArgumentException saying why), is not dropped in silence: it is returned as a
 * {@link ConfigProblem} so the caller can refuse.
 *
 * <p>Values are trimmed before parsing (a stray trailing blank in a properties file is common and
 * Apache would silently ignore such a number). Booleans must be {@code true} or {@code false}, in
 * any case; Apache's {@code parseBoolean} would turn a typo into {@code false}.
 */
public final class ConfigBinder {

    private ConfigBinder() {
    }

    /** Sets every property the bean has a setter for; returns the ones that could not be applied. */
    public static List<ConfigProblem> bind(Properties properties, Object bean) {
        return run(properties, bean, true);
    }

    /** Parses like {@link #bind} but changes nothing: a dry run to validate an update first. */
    public static List<ConfigProblem> check(Properties properties, Object bean) {
        return run(properties, bean, false);
    }

    /** Whether the bean has a setter for this key. */
    public static boolean canBind(Object bean, String key) {
        return BeanProperties.setters(bean.getClass()).containsKey(key);
    }

    private static List<ConfigProblem> run(Properties properties, Object bean, boolean apply) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Method> setter : BeanProperties.setters(bean.getClass()).entrySet()) {
            String key = setter.getKey();
            String raw = properties.getProperty(key);
            if (raw == null) {
                continue;
            }
            Method method = setter.getValue();
            Object value;
            try {
                value = parse(raw.trim(), method.getParameterTypes()[0]);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, raw, expected(method.getParameterTypes()[0])));
                continue;
            }
            if (apply) {
                try {
                    method.invoke(bean, value);
                } catch (IllegalAccessException e) {
                    problems.add(new ConfigProblem(key, raw, "setter not accessible"));
                } catch (InvocationTargetException e) {
                    // a setter refuses a value with IllegalArgumentException and says why in its message
                    problems.add(new ConfigProblem(key, raw, e.getCause() instanceof IllegalArgumentException
                        ? e.getCause().getMessage() : "refused: " + e.getCause()));
                }
            }
        }
        return problems;
    }

    /** What a value of this type must look like, for the problem's reason. */
    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "not a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        return "not a number";
    }

    private static Object parse(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(text);
        }
        if (type == double.class || type == Double.class) {
            return Double.parseDouble(text);
        }
        if (type == float.class || type == Float.class) {
            return Float.parseFloat(text);
        }
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean: " + text);
    }
}
