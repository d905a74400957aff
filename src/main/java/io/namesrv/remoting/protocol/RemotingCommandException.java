package io.namesrv.remoting.protocol;

/** A command that cannot be decoded or is malformed. */
public class RemotingCommandException extends Exception {

    public RemotingCommandException(String message) {
        super(message);
    }

    public RemotingCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
