package io.namesrv.namesrv.lifecycle;

/**
 * Whether the process is fit to keep running, as {@code /health} reports it. A fatal failure
 * sticks (the process is on its way out); heap pressure comes and goes with the collections.
 */
public final class Health {

    /** UP, or DOWN with the reason. */
    public record Status(boolean up, String reason) {

        static final Status UP = new Status(true, null);
    }

    private volatile String fatal;
    private volatile String heapPressure;

    /** Marks the process as failed for good; the first reason is the one kept. */
    public synchronized void fail(String reason) {
        if (fatal == null) {
            fatal = reason;
        }
    }

    /** The heap is nearly exhausted ({@code reason}), or no longer (null). */
    void heapPressure(String reason) {
        heapPressure = reason;
    }

    public Status status() {
        String reason = fatal;
        if (reason == null) {
            reason = heapPressure;
        }
        return reason == null ? Status.UP : new Status(false, reason);
    }
}
