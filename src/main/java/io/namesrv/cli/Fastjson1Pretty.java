package io.namesrv.cli;

import io.namesrv.remoting.protocol.JsonStrings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes values in the layout of fastjson 1's pretty format, which Apache's mqadmin prints routes
 * in: tab indents, bean fields sorted, nulls left out, string-keyed maps one entry per line in
 * HashMap order, numeric-keyed maps ({@code {0:"addr",1:"addr"}}) unquoted on one line with the
 * closing brace on the next. Beans are passed as {@link SortedMap}s, numeric-keyed maps as
 * maps with {@link Number} keys.
 */
final class Fastjson1Pretty {

    private final StringBuilder sb = new StringBuilder();

    static String write(Object value) {
        Fastjson1Pretty w = new Fastjson1Pretty();
        w.value(value, 0);
        return w.sb.toString();
    }

    private void value(Object v, int depth) {
        if (v instanceof SortedMap<?, ?> bean) {
            bean(bean, depth);
        } else if (v instanceof Map<?, ?> map) {
            boolean numericKeys = !map.isEmpty() && map.keySet().stream().allMatch(k -> k instanceof Number);
            if (numericKeys) {
                numericKeyMap(map, depth);
            } else {
                stringKeyMap(map, depth);
            }
        } else if (v instanceof List<?> list) {
            list(list, depth);
        } else if (v instanceof String s) {
            string(s);
        } else {
            sb.append(v);
        }
    }

    private void bean(Map<?, ?> fields, int depth) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            sb.append(first ? "" : ",");
            first = false;
            newline(depth + 1);
            string(e.getKey().toString());
            sb.append(':');
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        sb.append('}');
    }

    private void stringKeyMap(Map<?, ?> map, int depth) {
        if (map.values().stream().allMatch(v -> v == null)) {
            sb.append("{}");
            return;
        }
        bean(new HashMap<>(map), depth);
    }

    private void numericKeyMap(Map<?, ?> map, int depth) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : new HashMap<>(map).entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            sb.append(first ? "" : ",");
            first = false;
            sb.append(e.getKey()).append(':');
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        sb.append('}');
    }

    private void list(List<?> list, int depth) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            newline(depth + 1);
            value(list.get(i), depth + 1);
        }
        newline(depth);
        sb.append(']');
    }

    private void newline(int depth) {
        sb.append('\n');
        sb.append("\t".repeat(depth));
    }

    private void string(String s) {
        JsonStrings.append(sb, s);
    }
}
