package io.namesrv.remoting.netty;

import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.protocol.RemotingCommand;

/** The outcome of an asynchronous invocation; exactly one method is called, once. */
public interface InvokeCallback {

    void onSuccess(RemotingCommand response);

    void onFailure(RemotingException cause);
}
