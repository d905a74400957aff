package io.namesrv.docs;

import io.namesrv.protocol.header.GetKVConfigRequestHeader;
import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.SerializeType;

/** A KV write and read over the remoting port, as Apache's 5.3.3 admin tools send them: proof that the daemon serves. */
final class KvRequests {

    static final String NAMESPACE = "ORDER_TOPIC_CONFIG";
    /** Long: a JVM just started on a loaded 2-core machine can take seconds over its first request. */
    private static final long TIMEOUT_MILLIS = 15_000;

    private KvRequests() {
    }

    /** The response code of PUT_KV_CONFIG. */
    static int put(int port, String key, String value) throws Exception {
        try (NettyRemotingClient client = client()) {
            return client.invokeSync("127.0.0.1:" + port, RemotingCommand.request(RequestCode.PUT_KV_CONFIG,
                new PutKVConfigRequestHeader(NAMESPACE, key, value)), TIMEOUT_MILLIS).getCode();
        }
    }

    /** The value GET_KV_CONFIG answers (null when there is none). */
    static String get(int port, String key) throws Exception {
        try (NettyRemotingClient client = client()) {
            return client.invokeSync("127.0.0.1:" + port, RemotingCommand.request(RequestCode.GET_KV_CONFIG,
                new GetKVConfigRequestHeader(NAMESPACE, key)), TIMEOUT_MILLIS).extField("value");
        }
    }

    private static NettyRemotingClient client() {
        return new NettyRemotingClient(new NettyClientConfig(), new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON));
    }
}
