package io.namesrv.namesrv.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md's "What to monitor": every series its alert and dashboard expressions name is
 * a family the running server exposes at /metrics (a renamed metric would otherwise leave an
 * alert that never fires), and the table of families above it lists each of them.
 */
class MonitoringDocTest {

    private static final Pattern SERIES = Pattern.compile("\\b((?:namesrv|jvm|process|system)_[a-z0-9_]+)");
    private static final Pattern TYPE_LINE = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$");

    private static String section(String markdown, String title, String next) {
        int start = markdown.indexOf(title);
        assertTrue(start >= 0, "operations.md has no section " + title);
        int end = markdown.indexOf(next, start + title.length());
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    /** Listed by its name, or as a {@code `_suffix`} in a row that starts with a sibling's full name. */
    private static boolean listed(String operations, String family) {
        if (operations.contains("`" + family + "`")) {
            return true;
        }
        for (String line : operations.split("\n")) {
            Matcher shortName = Pattern.compile("`(_[a-z0-9_]+)`").matcher(line);
            while (shortName.find()) {
                String suffix = shortName.group(1);
                if (family.endsWith(suffix) && line.contains("`" + family.substring(0, family.length() - suffix.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everySeriesTheAlertsNameIsExposedAndDocumented(@TempDir Path dir) throws Exception {
        Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();
        String operations = Files.readString(basedir.resolve("docs/operations.md"));
        String monitor = section(operations, "### What to monitor", "\n## ");
        Set<String> named = new TreeSet<>();
        Matcher m = SERIES.matcher(monitor);
        while (m.find()) {
            named.add(m.group(1));
        }
        assertTrue(named.size() >= 10, "the section names the series it alerts on: " + named);

        // With peers (one that never answers), so that their families are there too.
        try (TestNameServer server = TestNameServer.builder(dir).withHttp()
            .peers(p -> p.setNamesrvPeers("127.0.0.1:1")).start()) {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            Set<String> families = new TreeSet<>();
            Matcher t = TYPE_LINE.matcher(metrics.body());
            while (t.find()) {
                families.add(t.group(1));
                if (t.group(2).equals("histogram")) {
                    families.add(t.group(1) + "_bucket");
                    families.add(t.group(1) + "_count");
                    families.add(t.group(1) + "_sum");
                }
            }
            Set<String> missing = new TreeSet<>(named);
            missing.removeAll(families);
            assertTrue(missing.isEmpty(), "alerts name series /metrics does not have: " + missing);
            for (String series : named) {
                String family = series.replaceAll("_(bucket|count|sum)$", "");
                assertTrue(listed(operations, family), "the metrics table does not list " + family);
            }
        }
    }
}
