package io.namesrv.remoting;

import io.netty.util.internal.OutOfDirectMemoryError;
import java.util.Locale;

/**
 * Told when something happened that the process cannot recover from where it stands: the heap
 * is exhausted, or a thread the server cannot work without has died. The remoting layer reports;
 * the owner of the process decides what to do (the name server marks itself unhealthy and exits).
 * Called on whatever thread saw the error, so an implementation must return quickly.
 */
@FunctionalInterface
public interface FatalErrorListener {

    /** Ignores everything (for servers and tests that do not care). */
    FatalErrorListener NONE = (where, error) -> { };

    /**
     * @param where what was going on, in a few words (a thread, a request code)
     * @param error what happened
     */
    void onFatalError(String where, Throwable error);

    /**
     * Whether {@code error} (or one of its causes, since libraries wrap) is
     * <ul>
     *   <li>an exhaustion of the JVM's own heap, metaspace or threads: after one of those any
     *       allocation, in any thread, may fail next, and state half-changed by the failing code
     *       cannot be trusted. Direct (off-heap) buffer exhaustion is not fatal: it fails one
     *       connection's buffer allocation, and that connection is closed, which frees what it held;</li>
     *   <li>a {@link LinkageError} (NoClassDefFoundError, a failed static initializer...): the
     *       server's own code is broken, typically a jar rewritten under the running process. The
     *       classes involved never load afterwards, so every request that needs them fails until a
     *       restart, while the rest looks healthy.</li>
     * </ul>
     */
    static boolean isFatal(Throwable error) {
        Throwable e = error;
        for (int depth = 0; e != null && depth < 16; depth++, e = e.getCause()) {
            if (e instanceof OutOfMemoryError && !isDirectMemory(e) || e instanceof LinkageError) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDirectMemory(Throwable e) {
        if (e instanceof OutOfDirectMemoryError) {
            return true;
        }
        // java.nio.Bits: "Cannot reserve N bytes of direct buffer memory" (17), "Direct buffer memory" (8)
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("direct buffer memory");
    }
}
