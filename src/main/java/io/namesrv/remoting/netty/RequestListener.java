package io.namesrv.remoting.netty;

/**
 * Told about every request the dispatcher finished with, whatever became of it: processed,
 * refused as busy, or unknown. Called on the thread that finished the request, so an
 * implementation must be cheap and thread-safe (counters, not I/O).
 */
@FunctionalInterface
public interface RequestListener {

    /** The response code reported when no response was sent (oneway requests, null answers). */
    int NO_RESPONSE = -1;

    /** A listener that ignores everything. */
    RequestListener NONE = (requestCode, responseCode, elapsedNanos) -> { };

    /**
     * @param requestCode  the request's code as it arrived
     * @param responseCode the code answered, or {@link #NO_RESPONSE}
     * @param elapsedNanos from the dispatcher seeing the request to the answer being handed to Netty
     */
    void onRequestDone(int requestCode, int responseCode, long elapsedNanos);
}
