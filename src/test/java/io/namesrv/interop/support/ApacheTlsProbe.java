package io.namesrv.interop.support;

import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;

/**
 * Child-JVM main: one GET_BROKER_CLUSTER_INFO through Apache's {@code NettyRemotingClient},
 * configured only by Apache's own {@code tls.*} system properties (read once, statically, when
 * Apache's classes load; hence a JVM of its own). Prints {@code PROBE OK code=N} or
 * {@code PROBE FAIL <exception>}.
 */
public final class ApacheTlsProbe {

    public static final String RESULT_LINE = "^PROBE (OK|FAIL)";
    /** A refused probe fails at once (the connection closes); this only bounds a cold JVM's first handshake under load. */
    private static final long TIMEOUT_MILLIS = 60_000;

    private ApacheTlsProbe() {
    }

    public static void main(String[] args) {
        String address = args[0];
        NettyClientConfig config = new NettyClientConfig();
        config.setUseTLS(Boolean.getBoolean("tls.enable"));
        NettyRemotingClient client = new NettyRemotingClient(config);
        client.start();
        try {
            RemotingCommand response = client.invokeSync(address,
                RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null), TIMEOUT_MILLIS);
            System.out.println("PROBE OK code=" + response.getCode());
        } catch (Exception e) {
            System.out.println("PROBE FAIL " + e);
        } finally {
            client.shutdown();
        }
        System.exit(0);
    }
}
