package io.namesrv.namesrv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.namesrv.DaemonConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md says it lists every key: it must name, in backquotes, every key the -c
 * file may hold (the config beans' setters and the Apache keys accepted without effect), so a key
 * added to a bean without documentation fails the build.
 */
class ConfigurationDocTest {

    @Test
    void everyKnownKeyIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        Set<String> documented = new TreeSet<>();
        Matcher quoted = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`").matcher(doc);
        while (quoted.find()) {
            documented.add(quoted.group(1));
        }
        Set<String> missing = new TreeSet<>(new StrictConfig(new DaemonConfig().beansWithController()).knownKeys());
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "keys the name server knows that docs/configuration.md does not list");
    }
}
