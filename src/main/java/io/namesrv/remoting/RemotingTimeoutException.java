package io.namesrv.remoting;

/** No answer arrived within the caller's timeout. */
public class RemotingTimeoutException extends RemotingException {

    public RemotingTimeoutException(String addr, long timeoutMillis) {
        super("wait response on the channel <" + addr + "> timeout, " + timeoutMillis + "(ms)");
    }
}
