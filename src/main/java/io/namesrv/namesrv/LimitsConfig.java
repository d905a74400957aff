package io.namesrv.namesrv;

/**
 * Ours, not Apache's: the bounds the name server keeps to whatever its clients or its own
 * threads do. Bound from the {@code -c} file like the other config beans and read once at start.
 */
public class LimitsConfig {

    /** How long a stop may take before the process is halted: a hung thread must not keep it alive. */
    private int shutdownTimeoutSeconds = 15;

    public int getShutdownTimeoutSeconds() {
        return shutdownTimeoutSeconds;
    }

    public void setShutdownTimeoutSeconds(int shutdownTimeoutSeconds) {
        if (shutdownTimeoutSeconds < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.shutdownTimeoutSeconds = shutdownTimeoutSeconds;
    }
}
