package io.namesrv.interop.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The one bounded wait of the tests: polls a condition that settles asynchronously (a broker
 * registering, a connection closing, a thread ending) until it holds or the timeout passes. It
 * polls often at first and then every 100 ms, so a quick condition is seen at once and a slow one
 * costs little CPU on a loaded machine. Exceptions from the probe count as "not yet"; the last one
 * is reported on timeout. Never a bare sleep: a test waits for what it needs to see.
 */
public final class Await {

    private static final long FIRST_POLL_MILLIS = 5;
    private static final long MAX_POLL_MILLIS = 100;

    private Await() {
    }

    /** Polls {@code probe} until its value satisfies {@code done}; returns that value, or fails naming {@code what}. */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        Outcome<T> outcome = poll(timeout, probe, done);
        if (outcome.done()) {
            return outcome.value();
        }
        AssertionError failure = new AssertionError("timed out after " + timeout + " waiting for " + what
            + (outcome.error() == null ? "; last value: " + outcome.value() : "; last error: " + outcome.error()));
        if (outcome.error() != null) {
            failure.initCause(outcome.error());
        }
        throw failure;
    }

    /** Waits until {@code condition} holds, or fails naming {@code what}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Polls {@code probe} until its value satisfies {@code done} and returns that value, or the last
     * one when the time is up (for callers that report what was left, e.g. the threads still alive).
     */
    public static <T> T last(Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        return poll(timeout, probe, done).value();
    }

    private record Outcome<T>(boolean done, T value, Exception error) {
    }

    private static <T> Outcome<T> poll(Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) {
                    return new Outcome<>(true, last, null);
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline > 0) {
                return new Outcome<>(false, last, lastError);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }
}
