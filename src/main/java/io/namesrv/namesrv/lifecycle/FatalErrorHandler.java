package io.namesrv.namesrv.lifecycle;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.FatalErrorListener;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the process cannot recover from into one clear line and an exit, never a server
 * that is half alive: the heap exhausted anywhere, a thread it cannot work without dead, the
 * business threads dying again and again. In that order: {@link Health} goes DOWN (so /health
 * says so for as long as the process still answers), the line goes to the console and the log,
 * then the exit action runs (the daemon exits with {@link #EXIT_STATUS} through its shutdown
 * hook; an embedded server stops itself). Only the first failure acts; later ones add nothing.
 */
public final class FatalErrorHandler implements FatalErrorListener, Thread.UncaughtExceptionHandler {

    /** The status the JVM itself exits with under {@code -XX:+ExitOnOutOfMemoryError}: one code for "gave up". */
    public static final int EXIT_STATUS = 3;
    static final String LINE_PREFIX = "The Name Server cannot go on and exits: ";
    /** A business thread dying of a non-fatal throwable is replaced by its pool; this many in a minute are not chance. */
    static final int WORKER_DEATHS_TOLERATED = 5;
    static final long WORKER_DEATHS_WINDOW_MILLIS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    private final Health health;
    private final PrintStream console;
    private final LongSupplier clock;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Deque<Long> workerDeaths = new ArrayDeque<>();
    private volatile Runnable exit;

    /** {@code exit} runs once, on the thread that reported the first failure; it must not block. */
    public FatalErrorHandler(Health health, PrintStream console, Runnable exit) {
        this(health, console, exit, System::currentTimeMillis);
    }

    FatalErrorHandler(Health health, PrintStream console, Runnable exit, LongSupplier clock) {
        this.health = health;
        this.console = console;
        this.exit = exit;
        this.clock = clock;
    }

    /** Replaces the exit action (the daemon's main sets the process exit). */
    public void exitWith(Runnable action) {
        this.exit = action;
    }

    /** Whether a failure was reported (the exit is then under way). */
    public boolean hasFailed() {
        return failed.get();
    }

    @Override
    public void onFatalError(String where, Throwable error) {
        fail(describe(error) + " in " + where);
    }

    /** For threads that have no other handler: none of the name server's threads may die silently. */
    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        fail("thread " + thread.getName() + " died of " + describe(error));
    }

    /**
     * For the business pools' threads: their pool replaces a dead one, which is the right
     * recovery for a one-off (the request it ran was answered or dropped; no state lives in the
     * thread). Heap exhaustion, or deaths that keep coming, are fatal.
     */
    public Thread.UncaughtExceptionHandler workerDeaths(String pool) {
        return (thread, error) -> {
            if (FatalErrorListener.isFatal(error)) {
                uncaughtException(thread, error);
                return;
            }
            int recent = recordWorkerDeath();
            LOG.error("business thread {} died ({} in the last minute); its pool starts another", thread.getName(), recent,
                error);
            if (recent >= WORKER_DEATHS_TOLERATED) {
                fail("the " + pool + " business threads keep dying (" + recent + " in a minute), the last of "
                    + describe(error));
            }
        };
    }

    private synchronized int recordWorkerDeath() {
        long now = clock.getAsLong();
        workerDeaths.addLast(now);
        while (!workerDeaths.isEmpty() && now - workerDeaths.peekFirst() > WORKER_DEATHS_WINDOW_MILLIS) {
            workerDeaths.removeFirst();
        }
        return workerDeaths.size();
    }

    /**
     * A periodic task that survives its own failures: a task that throws out of a scheduled
     * executor is never run again, which would leave e.g. dead brokers never expired. Heap
     * exhaustion is fatal; anything else is logged and the task runs again at its next time.
     */
    public Runnable guard(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                if (FatalErrorListener.isFatal(e)) {
                    onFatalError(name, e);
                } else {
                    LOG.error("{} failed; it runs again at its next time", name, e);
                }
            }
        };
    }

    /** Fails the process for {@code reason} (a few words: what stopped, or what was thrown where). */
    public void fail(String reason) {
        if (!failed.compareAndSet(false, true)) {
            return;
        }
        health.fail(reason);
        String line = LINE_PREFIX + reason;
        console.println(line);
        console.flush();
        try {
            LOG.error(line);
        } catch (Throwable e) {
            // the log may be what broke; the console line is the one that counts
        }
        exit.run();
    }

    private static String describe(Throwable error) {
        return String.valueOf(error);
    }
}
