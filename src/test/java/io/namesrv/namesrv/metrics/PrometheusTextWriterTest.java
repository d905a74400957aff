package io.namesrv.namesrv.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The text format's rules: HELP/TYPE lines, escaping, number spelling, one declaration per family. */
class PrometheusTextWriterTest {

    @Test
    void writesHelpTypeAndSamplesWithEscapedLabels() {
        PrometheusTextWriter w = new PrometheusTextWriter();
        w.family("a_total", PrometheusTextWriter.Type.COUNTER, "Line one\\two\nthree");
        w.sample("a_total", 3, "path", "C:\\x \"q\"\nnext", "code", "105");
        w.family("b", PrometheusTextWriter.Type.GAUGE, "B.");
        w.sample("b", 0.25);
        assertEquals("""
            # HELP a_total Line one\\\\two\\nthree
            # TYPE a_total counter
            a_total{path="C:\\\\x \\"q\\"\\nnext",code="105"} 3
            # HELP b B.
            # TYPE b gauge
            b 0.25
            """, w.text());
    }

    @Test
    void spellsSpecialValuesAsPrometheusParsesThem() {
        assertEquals("NaN", PrometheusTextWriter.format(Double.NaN));
        assertEquals("+Inf", PrometheusTextWriter.format(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PrometheusTextWriter.format(Double.NEGATIVE_INFINITY));
        assertEquals("-1", PrometheusTextWriter.format(-1));
        assertEquals("1.0E-4", PrometheusTextWriter.format(0.0001));
        assertEquals("1.0E20", PrometheusTextWriter.format(1e20));
    }

    @Test
    void refusesBadNamesDuplicatesAndStraySamples() {
        PrometheusTextWriter w = new PrometheusTextWriter();
        assertThrows(IllegalArgumentException.class, () -> w.family("1bad", PrometheusTextWriter.Type.GAUGE, "x"));
        assertThrows(IllegalStateException.class, () -> w.sample("orphan", 1));
        w.family("ok", PrometheusTextWriter.Type.GAUGE, "x");
        assertThrows(IllegalStateException.class, () -> w.family("ok", PrometheusTextWriter.Type.GAUGE, "x"));
        assertThrows(IllegalStateException.class, () -> w.sample("other", 1));
        assertThrows(IllegalArgumentException.class, () -> w.sample("ok", 1, "__reserved", "v"));
        assertThrows(IllegalArgumentException.class, () -> w.sample("ok", 1, "odd"));
    }

    @Test
    void histogramBucketsAreCumulativeAndEndWithInf() {
        LatencyHistogram h = new LatencyHistogram();
        h.observe(50_000);          // 50 µs: first bucket
        h.observe(2_000_000);       // 2 ms: le 0.0025
        h.observe(30_000_000_000L); // 30 s: only +Inf
        PrometheusTextWriter w = new PrometheusTextWriter();
        w.family("lat_seconds", PrometheusTextWriter.Type.HISTOGRAM, "x");
        h.write(w, "lat_seconds", "code", "105");
        String text = w.text();
        assertEquals(1, sample(text, "lat_seconds_bucket{code=\"105\",le=\"0.0001\"}"));
        assertEquals(1, sample(text, "lat_seconds_bucket{code=\"105\",le=\"0.001\"}"));
        assertEquals(2, sample(text, "lat_seconds_bucket{code=\"105\",le=\"0.0025\"}"));
        assertEquals(2, sample(text, "lat_seconds_bucket{code=\"105\",le=\"10\"}"));
        assertEquals(3, sample(text, "lat_seconds_bucket{code=\"105\",le=\"+Inf\"}"));
        assertEquals(3, sample(text, "lat_seconds_count{code=\"105\"}"));
        assertEquals(30.00205, sample(text, "lat_seconds_sum{code=\"105\"}"), 1e-9);
    }

    static double sample(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1));
            }
        }
        throw new AssertionError("no sample " + series + " in\n" + text);
    }
}
