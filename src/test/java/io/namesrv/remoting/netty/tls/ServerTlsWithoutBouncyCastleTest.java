package io.namesrv.remoting.netty.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The test class path carries BouncyCastle (through Apache's jars), the product's does not. A
 * child JVM without it shows what the daemon gets: test mode works only with the
 * {@code sun.security.x509} export, and without it the server falls back instead of crashing.
 */
class ServerTlsWithoutBouncyCastleTest {

    private static String classPathWithoutBouncyCastle() throws Exception {
        String file = System.getProperty("namesrv.test.classpath.file");
        assertTrue(file != null && Files.exists(Path.of(file)), "surefire must set namesrv.test.classpath.file");
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("namesrv.test.classes"));
        entries.add(System.getProperty("namesrv.main.classes"));
        Arrays.stream(Files.readString(Path.of(file)).trim().split(File.pathSeparator))
            .filter(e -> !e.contains("bouncycastle"))
            .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }

    private static String runProbe(boolean withExport) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (withExport) {
            cmd.add("--add-exports=java.base/sun.security.x509=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-Xmx128m", "-Dtls.config.file=", "-cp", classPathWithoutBouncyCastle(),
            ServerTlsProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "probe did not finish");
            assertEquals(0, p.exitValue(), out);
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void testModeWorksWithTheExportAndFallsBackWithoutIt() throws Exception {
        String with = runProbe(true);
        assertTrue(with.contains("PROBE mode=PERMISSIVE context=true"), with);

        String without = runProbe(false);
        assertTrue(without.contains("PROBE mode=PERMISSIVE context=false"), without);
        assertTrue(without.contains("--add-exports java.base/sun.security.x509=ALL-UNNAMED"), without);
        assertFalse(without.lines().anyMatch(l -> l.startsWith("Exception in thread")), without);
    }
}
