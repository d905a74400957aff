package io.namesrv.namesrv.metrics;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes Prometheus' text exposition format, version 0.0.4: a {@code # HELP} and {@code # TYPE}
 * line per family, then its samples. Names are checked, label values and help texts escaped, and
 * a family may be declared only once, which is all the format asks for. Not thread-safe: one
 * writer per scrape.
 */
public final class PrometheusTextWriter {

    /** The Content-Type of this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Metric types of the format. */
    public enum Type { COUNTER, GAUGE, SUMMARY, HISTOGRAM }

    private final StringBuilder out = new StringBuilder(8192);
    private final Set<String> families = new HashSet<>();
    private String currentFamily;

    /** Starts a family; every following sample must belong to it until the next one. */
    public PrometheusTextWriter family(String name, Type type, String help) {
        checkName(name);
        if (!families.add(name)) {
            throw new IllegalStateException("metric family declared twice: " + name);
        }
        currentFamily = name;
        out.append("# HELP ").append(name).append(' ');
        escapeHelp(help);
        out.append('\n').append("# TYPE ").append(name).append(' ').append(type.name().toLowerCase()).append('\n');
        return this;
    }

    /**
     * One sample of the current family. {@code name} is the family name, or for histograms the
     * family name plus {@code _bucket}, {@code _sum} or {@code _count}. {@code labels} are
     * name/value pairs.
     */
    public PrometheusTextWriter sample(String name, double value, String... labels) {
        if (currentFamily == null || !(name.equals(currentFamily) || name.equals(currentFamily + "_bucket")
            || name.equals(currentFamily + "_sum") || name.equals(currentFamily + "_count"))) {
            throw new IllegalStateException("sample " + name + " outside its family (current: " + currentFamily + ")");
        }
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels must be name/value pairs");
        }
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (!LABEL_NAME.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                    throw new IllegalArgumentException("bad label name: " + labels[i]);
                }
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"");
                escapeLabelValue(labels[i + 1]);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
        return this;
    }

    /** The exposition written so far. */
    public String text() {
        return out.toString();
    }

    /** Go's ParseFloat spellings for the special values; integers without a fraction. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static void checkName(String name) {
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad metric name: " + name);
        }
    }

    private void escapeHelp(String help) {
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private void escapeLabelValue(String value) {
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append("\\\"");
                default -> out.append(c);
            }
        }
    }
}
