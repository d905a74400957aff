package io.namesrv.namesrv.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownWatchdogTest {

    @Test
    void pastTheBoundItNamesTheBusyThreadsAndHaltsWithTheStatusItWasArmedWith() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CompletableFuture<Integer> halted = new CompletableFuture<>();
        ShutdownWatchdog watchdog = new ShutdownWatchdog(200, new PrintStream(console, true, StandardCharsets.UTF_8),
            halted::complete);
        CountDownLatch release = new CountDownLatch(1);
        Thread hung = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "HungShutdownStep");
        hung.start();
        try {
            watchdog.arm(3);
            watchdog.arm(0); // only the first arming counts
            assertEquals(3, halted.get(30, TimeUnit.SECONDS));
            String line = console.toString(StandardCharsets.UTF_8);
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.startsWith("The Name Server did not stop within 200 ms of being told to; halting. Still busy: "),
                line);
            assertTrue(line.contains("HungShutdownStep (WAITING at "), line);
        } finally {
            release.countDown();
            hung.join(10_000);
        }
    }
}
