package io.namesrv.protocol;

/**
 * A broker's topic-config version. Equality compares all three fields, as Apache's does; the name
 * server uses it to decide whether a registration changed anything. 4.9.x brokers send no
 * {@code stateVersion}, which then reads as 0.
 */
public record DataVersion(long stateVersion, long timestamp, long counter) {

    /** A new version stamped now, counter 0, like Apache's {@code new DataVersion()}. */
    public static DataVersion fresh() {
        return new DataVersion(0L, System.currentTimeMillis(), 0L);
    }

    /** The next version: counter + 1, timestamp now, stateVersion reset to 0 as Apache's {@code nextVersion()} does. */
    public DataVersion next() {
        return next(0L);
    }

    /** The next version carrying the given stateVersion (controller mode uses the epoch here). */
    public DataVersion next(long newStateVersion) {
        return new DataVersion(newStateVersion, System.currentTimeMillis(), counter + 1);
    }
}
