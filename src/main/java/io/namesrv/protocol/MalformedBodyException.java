package io.namesrv.protocol;

/** A body that cannot be decoded: bad JSON, a truncated compressed stream, a bad topic line. */
public final class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }

    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
