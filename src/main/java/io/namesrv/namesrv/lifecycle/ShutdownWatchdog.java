package io.namesrv.namesrv.lifecycle;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Bounds how long a stop may take. The JVM waits for every shutdown hook, and a hook that waits
 * on a hung thread (a lock never released, a write that never ends) would keep a process that
 * was told to stop alive forever. Armed when the stop begins; if the process is still there
 * after the bound it says which threads were still busy, in one line, and halts.
 */
public final class ShutdownWatchdog {

    static final String LINE_PREFIX = "The Name Server did not stop within ";

    private final long boundMillis;
    private final PrintStream console;
    private final IntConsumer halt;
    private final AtomicBoolean armed = new AtomicBoolean();

    /** {@code halt}: {@code Runtime.getRuntime()::halt} in the daemon. */
    public ShutdownWatchdog(long boundMillis, PrintStream console, IntConsumer halt) {
        this.boundMillis = boundMillis;
        this.console = console;
        this.halt = halt;
    }

    /** Starts the count (once; later calls do nothing): past the bound, halt with {@code status}. */
    public void arm(int status) {
        if (!armed.compareAndSet(false, true)) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(boundMillis);
            } catch (InterruptedException e) {
                return;
            }
            console.println(LINE_PREFIX + boundMillis + " ms of being told to; halting. Still busy: " + busyThreads());
            console.flush();
            halt.accept(status);
        }, "ShutdownWatchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Every other live thread that is not a JVM-internal daemon, with where it stands. */
    private static String busyThreads() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        return all.entrySet().stream()
            .filter(e -> e.getKey() != Thread.currentThread())
            .filter(e -> !e.getKey().isDaemon() || e.getKey().getThreadGroup() != null
                && !"system".equals(e.getKey().getThreadGroup().getName()))
            .filter(e -> e.getValue().length > 0)
            .map(e -> e.getKey().getName() + " (" + e.getKey().getState() + " at " + e.getValue()[0] + ")")
            .sorted()
            .collect(Collectors.joining(", "));
    }
}
