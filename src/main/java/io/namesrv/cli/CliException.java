package io.namesrv.cli;

/** A failure to report to the operator: the message says what failed and where. */
public final class CliException extends Exception {

    /** Exit code of a command that ran and failed. */
    public static final int FAILED = 1;
    /** Exit code of a command line that could not be understood. */
    public static final int USAGE = 2;

    private final int exitCode;

    public CliException(String message) {
        this(message, FAILED, null);
    }

    public CliException(String message, Throwable cause) {
        this(message, FAILED, cause);
    }

    public CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(message, USAGE, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
