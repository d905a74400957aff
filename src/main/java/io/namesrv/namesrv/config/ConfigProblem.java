package io.namesrv.namesrv.config;

/** A property that could not be applied: its key, the raw value and why. */
public record ConfigProblem(String key, String value, String reason) {

    @Override
    public String toString() {
        return key + "=" + value + ": " + reason;
    }
}
