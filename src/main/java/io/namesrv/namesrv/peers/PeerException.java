package io.namesrv.namesrv.peers;

/** A peer name server could not be asked, did not answer in time, refused, or answered nonsense. */
final class PeerException extends Exception {

    PeerException(String message) {
        super(message);
    }

    PeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
