package io.namesrv.namesrv.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FatalErrorHandlerTest {

    private final Health health = new Health();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(1_000_000);
    /** What /health said at the moment the exit began, once per exit. */
    private final List<Health.Status> healthAtExit = new ArrayList<>();
    private final FatalErrorHandler handler = new FatalErrorHandler(health,
        new PrintStream(console, true, StandardCharsets.UTF_8), () -> healthAtExit.add(health.status()), now::get);

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void healthIsDownBeforeTheExitBeginsAndTheLineSaysWhy() {
        assertTrue(health.status().up());
        handler.onFatalError("request code 103 from 127.0.0.1:5000", new OutOfMemoryError("Java heap space"));

        assertEquals(1, healthAtExit.size());
        assertFalse(healthAtExit.get(0).up());
        assertEquals("java.lang.OutOfMemoryError: Java heap space in request code 103 from 127.0.0.1:5000",
            healthAtExit.get(0).reason());
        assertEquals("The Name Server cannot go on and exits: java.lang.OutOfMemoryError: Java heap space"
            + " in request code 103 from 127.0.0.1:5000" + System.lineSeparator(), console());
    }

    @Test
    void onlyTheFirstFailureActs() {
        handler.uncaughtException(new Thread("NettyEventExecutor"), new IllegalStateException("boom"));
        handler.fail("the acceptor thread stopped");
        handler.onFatalError("elsewhere", new OutOfMemoryError());

        assertEquals(1, healthAtExit.size(), "one exit");
        assertEquals("thread NettyEventExecutor died of java.lang.IllegalStateException: boom", health.status().reason());
        assertEquals(1, console().lines().count(), console());
    }

    @Test
    void aBusinessThreadDyingOnceIsReplacedButHeapExhaustionIsFatal() {
        Thread.UncaughtExceptionHandler deaths = handler.workerDeaths("RemotingExecutorThread_");
        deaths.uncaughtException(new Thread("RemotingExecutorThread_1"), new IllegalStateException("a bug"));
        assertTrue(healthAtExit.isEmpty());
        assertTrue(health.status().up());

        deaths.uncaughtException(new Thread("RemotingExecutorThread_2"), new OutOfMemoryError("Java heap space"));
        assertEquals(1, healthAtExit.size());
        assertEquals("thread RemotingExecutorThread_2 died of java.lang.OutOfMemoryError: Java heap space",
            health.status().reason());
    }

    @Test
    void businessThreadsThatKeepDyingAreFatal() {
        Thread.UncaughtExceptionHandler deaths = handler.workerDeaths("ClientRequestExecutorThread_");
        for (int i = 1; i < FatalErrorHandler.WORKER_DEATHS_TOLERATED; i++) {
            deaths.uncaughtException(new Thread("w" + i), new IllegalStateException("bug " + i));
            now.addAndGet(1000);
        }
        assertTrue(healthAtExit.isEmpty(), "fewer than the tolerated number in a minute");
        // The first ones age out of the window: still not fatal.
        now.addAndGet(FatalErrorHandler.WORKER_DEATHS_WINDOW_MILLIS);
        deaths.uncaughtException(new Thread("late"), new IllegalStateException("late"));
        assertTrue(healthAtExit.isEmpty(), "deaths spread over more than a minute");

        for (int i = 1; i < FatalErrorHandler.WORKER_DEATHS_TOLERATED; i++) {
            deaths.uncaughtException(new Thread("again" + i), new IllegalStateException("again " + i));
        }
        assertEquals(1, healthAtExit.size());
        assertTrue(health.status().reason().startsWith("the ClientRequestExecutorThread_ business threads keep dying ("
            + FatalErrorHandler.WORKER_DEATHS_TOLERATED + " in a minute)"), health.status().reason());
    }

    @Test
    void aGuardedTaskSurvivesItsFailuresExceptHeapExhaustion() {
        int[] runs = {0};
        Runnable failing = handler.guard("scanNotActiveBroker", () -> {
            runs[0]++;
            throw new IllegalStateException("bad state");
        });
        failing.run();
        failing.run();
        assertEquals(2, runs[0]);
        assertTrue(healthAtExit.isEmpty());

        handler.guard("scanNotActiveBroker", () -> {
            throw new OutOfMemoryError("Java heap space");
        }).run();
        assertEquals("java.lang.OutOfMemoryError: Java heap space in scanNotActiveBroker", health.status().reason());
    }

    @Test
    void heapPressureComesAndGoesButAFailureSticks() {
        health.heapPressure("heap nearly exhausted");
        assertEquals("heap nearly exhausted", health.status().reason());
        health.heapPressure(null);
        assertTrue(health.status().up());
        assertNull(health.status().reason());

        health.fail("the acceptor thread stopped");
        health.heapPressure(null);
        assertEquals("the acceptor thread stopped", health.status().reason());
    }
}
