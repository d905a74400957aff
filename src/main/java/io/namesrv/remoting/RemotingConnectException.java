package io.namesrv.remoting;

/** No connection could be made to the address. */
public class RemotingConnectException extends RemotingException {

    public RemotingConnectException(String addr) {
        super("connect to " + addr + " failed");
    }

    public RemotingConnectException(String addr, Throwable cause) {
        super("connect to " + addr + " failed", cause);
    }
}
