package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every mqadmin command the README and docs/ tell operators to run exists (operations.md once named one that did not). */
class DocumentedCommandsTest {

    private static final Pattern COMMAND = Pattern.compile("(?:`|\\n)(?:bin/)?mqadmin ([a-zA-Z]+)");

    @Test
    void everyMqadminCommandInTheDocsExists() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path doc : Stream.concat(Stream.of(Path.of("README.md")), docs).toList()) {
                Matcher m = COMMAND.matcher(Files.readString(doc));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        Set<String> existing = SubCommands.all().stream().map(SubCommand::name).collect(Collectors.toCollection(TreeSet::new));
        existing.add("help");
        assertTrue(named.contains("updateBrokerConfig") && named.contains("clusterList"), named.toString());
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(existing);
        assertEquals(Set.of(), unknown, "mqadmin commands the docs name that do not exist");
    }
}
