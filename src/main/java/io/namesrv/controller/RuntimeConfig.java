package io.namesrv.controller;

/**
 * The controller's live configuration as GET_CONTROLLER_CONFIG (1010) shows it and
 * UPDATE_CONTROLLER_CONFIG (1009) changes it; supplied by whoever owns the config file.
 */
public interface RuntimeConfig {

    /** {@code key=value} lines, sorted by key. */
    String dump();

    /** Applies an update body (properties text); the answer's code and remark. */
    Update update(byte[] body);

    /** The outcome of an update: 0 and no remark on success. */
    record Update(int code, String remark) {
    }
}
