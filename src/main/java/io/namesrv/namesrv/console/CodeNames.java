package io.namesrv.namesrv.console;

import io.namesrv.namesrv.metrics.RequestMetrics;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** Names of request and response codes for people ("105 GET_ROUTEINFO_BY_TOPIC"), read off the code classes. */
final class CodeNames {

    private static final Map<Integer, String> REQUESTS = constants(RequestCode.class);
    private static final Map<Integer, String> RESPONSES = constants(ResponseCode.class);

    private CodeNames() {
    }

    private static Map<Integer, String> constants(Class<?> holder) {
        Map<Integer, String> names = new HashMap<>();
        for (Field f : holder.getFields()) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && f.getType() == int.class) {
                try {
                    names.putIfAbsent(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(names);
    }

    static String request(int code) {
        return label(code, REQUESTS);
    }

    static String response(int code) {
        return label(code, RESPONSES);
    }

    private static String label(int code, Map<Integer, String> names) {
        if (code == RequestMetrics.OTHER_CODE) {
            return "other codes";
        }
        String name = names.get(code);
        return name == null ? Integer.toString(code) : code + " " + name;
    }
}
