package io.namesrv.interop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    private static final Duration BOOT = Duration.ofSeconds(20);

    @Test
    void passesPropertiesEnvAndWorkDirAndCapturesBothStreams() throws Exception {
        Path dir = PeerDirs.create("child-jvm-test");
        try (ChildJvm child = ChildJvm.builder("fixture", ChildJvmFixture.class.getName())
                .workDir(dir)
                .systemProperty("fixture.property", "p-value")
                .env("FIXTURE_ENV", "e-value")
                .jvmOption("-Xmx64m")
                .start()) {
            child.waitForLine(Pattern.compile("fixture ready"), BOOT);
            assertEquals("property=p-value", child.waitForLine(Pattern.compile("^property="), BOOT));
            assertEquals("env=e-value", child.waitForLine(Pattern.compile("^env="), BOOT));
            assertEquals("dir=" + dir.toRealPath(), child.waitForLine(Pattern.compile("^dir="), BOOT));
            assertEquals("to stderr", child.waitForLine(Pattern.compile("stderr"), BOOT));
            assertEquals(dir.resolve("fixture.log"), child.logFile());
            assertTrue(child.isAlive());
        }
    }

    @Test
    void closeStopsTheChildAndIsIdempotent() {
        ChildJvm child = startSleeper();
        long pid = child.pid();
        child.close();
        assertFalse(child.isAlive());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        child.close();
        child.kill();
        assertFalse(child.isAlive());
    }

    @Test
    void killStopsTheChildAtOnce() {
        ChildJvm child = startSleeper();
        child.kill();
        assertFalse(child.isAlive());
    }

    @Test
    void waitingFailsFastWhenTheChildExits() {
        try (ChildJvm child = ChildJvm.builder("exiting", ChildJvmFixture.class.getName()).args("exit:7").start()) {
            long start = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> child.waitForLine(Pattern.compile("fixture ready"), Duration.ofSeconds(30)));
            assertTrue(e.getMessage().contains("exited with 7"), e.getMessage());
            assertTrue(e.getMessage().contains("to stderr"), "log tail belongs in the message: " + e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
        }
    }

    @Test
    void waitingFailsFastWhenTheMainClassIsMissing() {
        try (ChildJvm child = ChildJvm.builder("missing", "io.namesrv.interop.support.NoSuchMain").start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> child.waitForLine(Pattern.compile("never"), Duration.ofSeconds(30)));
            assertTrue(e.getMessage().contains("ClassNotFoundException"), e.getMessage());
        }
    }

    @Test
    void waitingIsBounded() {
        try (ChildJvm child = startSleeper()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> child.waitForLine(Pattern.compile("never printed"), Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("did not print"), e.getMessage());
        }
    }

    @Test
    void logStartsWithTheCommandWithoutTheClasspath() throws Exception {
        try (ChildJvm child = startSleeper()) {
            String first = Files.readAllLines(child.logFile()).get(0);
            assertTrue(first.startsWith("# "), first);
            assertTrue(first.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), first);
            assertTrue(first.contains("<test classpath>"), first);
            assertTrue(first.endsWith(ParentWatchdog.class.getName() + " " + ChildJvmFixture.class.getName()), first);
        }
    }

    private static ChildJvm startSleeper() {
        ChildJvm child = ChildJvm.builder("sleeper", ChildJvmFixture.class.getName()).jvmOption("-Xmx64m").start();
        child.waitForLine(Pattern.compile("fixture ready"), BOOT);
        return child;
    }
}
