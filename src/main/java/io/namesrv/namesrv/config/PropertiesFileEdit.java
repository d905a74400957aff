package io.namesrv.namesrv.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Changes some keys of a properties file's text and leaves everything else as the operator wrote
 * it: comments, blank lines, order, other keys, line endings. A key set in the file gets its new
 * value on its own line (every occurrence, so no earlier line can contradict it). A key the file
 * only mentions in a comment ({@code #orderMessageEnable=false}, as conf/namesrv.properties
 * documents each default) goes on a new line right after that comment; any other new key goes at
 * the end. Keys and values are escaped as java.util.Properties writes them.
 */
public final class PropertiesFileEdit {

    private PropertiesFileEdit() {
    }

    public static String apply(String text, Map<String, String> changes) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = logicalLines(text);
        Map<String, String> pending = new LinkedHashMap<>(changes);
        Map<Integer, List<String>> insertAfter = new LinkedHashMap<>();
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String key = keyOf(line);
            if (key != null && changes.containsKey(key)) {
                out.add(entry(key, changes.get(key)) + ending(line, newline));
                pending.remove(key);
            } else {
                out.add(line);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String key = commentedKeyOf(lines.get(i));
            if (key != null && pending.containsKey(key)) {
                insertAfter.computeIfAbsent(i, k -> new ArrayList<>()).add(entry(key, pending.remove(key)) + newline);
            }
        }
        StringBuilder result = new StringBuilder(text.length() + 64);
        for (int i = 0; i < out.size(); i++) {
            result.append(out.get(i));
            if (insertAfter.containsKey(i)) {
                if (!out.get(i).endsWith("\n")) {
                    result.append(newline);
                }
                insertAfter.get(i).forEach(result::append);
            }
        }
        if (!pending.isEmpty() && result.length() > 0 && result.charAt(result.length() - 1) != '\n') {
            result.append(newline);
        }
        pending.forEach((k, v) -> result.append(entry(k, v)).append(newline));
        return result.toString();
    }

    /** The text cut into logical lines (a natural line with its continuations), each with its line ending. */
    static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String physical = end < 0 ? text.substring(start) : text.substring(start, end + 1);
            start = end < 0 ? text.length() : end + 1;
            current.append(physical);
            String body = physical.stripTrailing();
            boolean comment = current.length() == physical.length() && isComment(physical);
            if (comment || !continues(body)) {
                lines.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static boolean isComment(String physical) {
        String s = physical.stripLeading();
        return s.startsWith("#") || s.startsWith("!");
    }

    /** An odd number of trailing backslashes continues the line. */
    private static boolean continues(String body) {
        int n = 0;
        for (int i = body.length() - 1; i >= 0 && body.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The key a logical line sets, read by java.util.Properties itself; null for comments and blanks. */
    private static String keyOf(String logicalLine) {
        if (isComment(logicalLine) || logicalLine.isBlank()) {
            return null;
        }
        Properties p = load(logicalLine);
        return p.isEmpty() ? null : p.stringPropertyNames().iterator().next();
    }

    /** For {@code #key=value} or {@code # key=value}: the key; null for any other line. */
    private static String commentedKeyOf(String line) {
        if (!isComment(line)) {
            return null;
        }
        String uncommented = line.stripLeading().substring(1).stripLeading();
        if (uncommented.isEmpty() || !(uncommented.contains("=") || uncommented.contains(":"))) {
            return null;
        }
        return keyOf(uncommented);
    }

    private static Properties load(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new Properties();
        }
        return p;
    }

    private static String ending(String line, String newline) {
        if (line.endsWith("\r\n")) {
            return "\r\n";
        }
        return line.endsWith("\n") ? "\n" : "";
    }

    /** {@code key=value} escaped as Properties.store writes it (without its date comment). */
    static String entry(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter w = new StringWriter();
        try {
            one.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : w.toString().split("\\R")) {
            if (!line.startsWith("#")) {
                return line;
            }
        }
        throw new IllegalStateException("Properties.store wrote no entry for " + key);
    }
}
