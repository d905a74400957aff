package io.namesrv.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code bin/mqbench} command line README and docs/ show is one mqbench accepts: its options
 * exist and their values parse (MqBenchVsIT runs one of them for real; the others take minutes).
 */
class DocumentedBenchCommandsTest {

    private static final Pattern COMMAND = Pattern.compile("(?m)^bin/mqbench (.+?)\\s*(?:#.*)?$");

    @Test
    void everyDocumentedCommandLineParses() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path doc : Stream.concat(Stream.of(Path.of("README.md")), docs).toList()) {
                Matcher m = COMMAND.matcher(Files.readString(doc));
                while (m.find()) {
                    lines.add(m.group(1));
                }
            }
        }
        assertTrue(lines.size() >= 5 && lines.contains("--vs --storm"), lines.toString());
        for (String line : lines) {
            String[] args = line.replace("<pid>", "4242").split("\\s+");
            try {
                MqBench.parse(args);
            } catch (Exception e) {
                throw new AssertionError("bin/mqbench " + line + ": " + e.getMessage(), e);
            }
        }
    }
}
