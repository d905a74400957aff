package io.namesrv.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemd unit file as the docs show it: sections of {@code Key=value} lines, a key possibly
 * repeated (Environment=), comments kept apart so a test can check what they claim. Only the
 * syntax the documented unit uses: no line continuations, no quoting (refused rather than guessed).
 */
final class SystemdUnit {

    private final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    private final List<String> comments = new ArrayList<>();

    private SystemdUnit() {
    }

    static SystemdUnit parse(String text) {
        SystemdUnit unit = new SystemdUnit();
        Map<String, List<String>> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#") || line.startsWith(";")) {
                unit.comments.add(line.substring(1).strip());
            } else if (line.startsWith("[") && line.endsWith("]")) {
                current = unit.sections.computeIfAbsent(line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
            } else {
                int eq = line.indexOf('=');
                if (current == null || eq <= 0 || line.endsWith("\\") || line.contains("\"") || line.contains("'")) {
                    throw new AssertionError("a unit line this parser does not read: " + raw);
                }
                current.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
            }
        }
        return unit;
    }

    /** The one value of {@code key} in {@code section}; fails when absent or repeated. */
    String value(String section, String key) {
        List<String> values = values(section, key);
        if (values.size() != 1) {
            throw new AssertionError("expected one " + key + "= in [" + section + "], found " + values);
        }
        return values.get(0);
    }

    List<String> values(String section, String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }

    /** The Environment= assignments of [Service], in order (one NAME=value per line in the docs' unit). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : values("Service", "Environment")) {
            int eq = assignment.indexOf('=');
            if (eq <= 0 || assignment.contains(" ")) {
                throw new AssertionError("an Environment= line this parser does not read: " + assignment);
            }
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        return env;
    }

    /** Every comment line of the file, without its '#', joined with spaces (the claims a test checks). */
    String comments() {
        return String.join(" ", comments);
    }
}
