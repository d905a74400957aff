package io.namesrv.controller.raft;

/** A write or read needs the Raft leader and this node is not it (or stopped being it meanwhile). */
public final class NotLeaderException extends Exception {

    public NotLeaderException(String message) {
        super(message);
    }
}
