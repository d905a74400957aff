package io.namesrv.remoting;

/** A failure to talk to a remote peer: connect, send, or wait for the answer. */
public class RemotingException extends Exception {

    public RemotingException(String message) {
        super(message);
    }

    public RemotingException(String message, Throwable cause) {
        super(message, cause);
    }
}
