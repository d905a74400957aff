package io.namesrv.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath for child JVMs: our main classes, our test classes, then every test-scoped jar.
 * Surefire passes the locations as system properties (see pom.xml); the jar list is written by
 * the dependency plugin during {@code generate-test-resources}. Outside Maven (an IDE run) the
 * test JVM's own classpath is the best available answer.
 */
public final class ChildClasspath {

    static final String CLASSPATH_FILE = "namesrv.test.classpath.file";
    static final String MAIN_CLASSES = "namesrv.main.classes";
    static final String TEST_CLASSES = "namesrv.test.classes";

    private ChildClasspath() {
    }

    public static String forChildren() {
        String file = System.getProperty(CLASSPATH_FILE);
        String main = System.getProperty(MAIN_CLASSES);
        String test = System.getProperty(TEST_CLASSES);
        if (file == null || main == null || test == null) {
            return System.getProperty("java.class.path");
        }
        Path jars = Path.of(file);
        if (!Files.isRegularFile(jars)) {
            throw new IllegalStateException(jars + " is missing: run through Maven so that "
                    + "generate-test-resources writes it (e.g. mvn test)");
        }
        List<String> entries = new ArrayList<>();
        entries.add(main);
        entries.add(test);
        try {
            String content = Files.readString(jars, StandardCharsets.UTF_8).trim();
            if (!content.isEmpty()) {
                entries.add(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
