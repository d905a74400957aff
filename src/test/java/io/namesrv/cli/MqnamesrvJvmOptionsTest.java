package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector bin/mqnamesrv picks from the heap (docs/operations.md, "Sizing"), read from the
 * command line it hands to a stand-in {@code java} in an installed layout (so nothing is built).
 */
class MqnamesrvJvmOptionsTest {

    private final Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();

    private List<String> jvmOptions(Path tmp, String javaOptExt) throws Exception {
        Path home = tmp.resolve("opt-namesrv");
        Files.createDirectories(home.resolve("bin"));
        for (String script : List.of("mqnamesrv", "runtime.sh")) {
            Files.copy(basedir.resolve("bin").resolve(script), home.resolve("bin").resolve(script),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.createDirectories(home.resolve("target/lib"));
        Files.write(home.resolve("target/namesrv.jar"), new byte[0]);
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path args = tmp.resolve("args.txt");
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/mqnamesrv").toString()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().put("ROCKETMQ_HOME", home.toString());
        pb.environment().remove("JAVA_OPT");
        if (javaOptExt == null) {
            pb.environment().remove("JAVA_OPT_EXT");
        } else {
            pb.environment().put("JAVA_OPT_EXT", javaOptExt);
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bin/mqnamesrv did not return");
        assertEquals(0, p.exitValue(), output);
        return Files.readAllLines(args);
    }

    @Test
    void theDefaultHeapGetsTheSerialCollectorWithASmallYoungGeneration(@TempDir Path tmp) throws Exception {
        List<String> options = jvmOptions(tmp, null);
        assertTrue(options.containsAll(List.of("-Xmx512m", "-Xmn32m", "-XX:+UseSerialGC")), options.toString());
        assertFalse(options.contains("-XX:+UseG1GC"), options.toString());
    }

    @Test
    void fromTwoGibibytesG1WithTheYoungGenerationCappedAtAnEighthOfTheHeap(@TempDir Path tmp) throws Exception {
        List<String> two = jvmOptions(tmp, "-Xms2g -Xmx2g");
        assertTrue(two.containsAll(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:MaxNewSize=256m")),
            two.toString());
        assertFalse(two.contains("-XX:+UseSerialGC"), two.toString());
        List<String> four = jvmOptions(tmp, "-Xmx4096m");
        assertTrue(four.contains("-XX:MaxNewSize=512m"), four.toString());
    }
}
