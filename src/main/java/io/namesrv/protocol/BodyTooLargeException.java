package io.namesrv.protocol;

/** A body refused for its size, not its shape: it decodes (or inflates) to more bytes than allowed. */
public final class BodyTooLargeException extends RuntimeException {

    private final long limitBytes;

    public BodyTooLargeException(String message, long limitBytes) {
        super(message);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
