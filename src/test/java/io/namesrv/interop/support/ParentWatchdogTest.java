package io.namesrv.interop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchdogTest {

    /** What a SIGKILLed test JVM looks like to its child: stdin reaches end-of-file. */
    @Test
    void childHaltsWhenItsStdinCloses() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-cp");
        command.add(ChildClasspath.forChildren());
        command.add(ParentWatchdog.class.getName());
        command.add(ChildJvmFixture.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("fixture ready"));
            assertEquals("fixture ready", line);
            process.getOutputStream().close();
            assertEquals(true, process.waitFor(10, TimeUnit.SECONDS), "child should halt on stdin EOF");
            assertEquals(3, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }
}
