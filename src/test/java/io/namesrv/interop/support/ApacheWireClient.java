package io.namesrv.interop.support;

import java.util.List;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Apache's own remoting client pointed at one name server, for raw requests. Its connection
 * stays open until {@link #close()}: a name server ties the brokers registered through it to
 * that channel, so closing it is how such "brokers" go away.
 */
public final class ApacheWireClient implements AutoCloseable {

    /** Ends at the answer; long only because a cold server on a loaded 2-core machine took over 5 s for its first registration. */
    private static final long TIMEOUT_MILLIS = 30_000;

    private final String namesrvAddr;
    private final NettyRemotingClient client;

    public ApacheWireClient(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
        NettyClientConfig config = new NettyClientConfig();
        // a slow answer must fail the test, not silently drop the channel our registrations hang on
        config.setClientCloseSocketIfTimeout(false);
        this.client = new NettyRemotingClient(config);
        client.updateNameServerAddressList(List.of(namesrvAddr));
        client.start();
    }

    /** Sends {@code request} and waits (bounded) for the response. */
    public RemotingCommand invoke(RemotingCommand request) {
        try {
            return client.invokeSync(namesrvAddr, request, TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for code " + request.getCode(), e);
        } catch (Exception e) {
            throw new IllegalStateException("request code " + request.getCode() + " to " + namesrvAddr + " failed", e);
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
