package io.namesrv.remoting;

/** The request could not be written to the connection. */
public class RemotingSendRequestException extends RemotingException {

    public RemotingSendRequestException(String addr, Throwable cause) {
        super("send request to " + addr + " failed", cause);
    }
}
