package io.namesrv.namesrv.peers;

import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicList;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A "name server" that answers the peer codes with whatever a test says, as an Apache server
 * would (40001 not supported): a peer that lies, and with {@link #delayMillis} one that is slow.
 */
final class ScriptedPeer implements AutoCloseable {

    private final JsonBodies json = new JsonBodies();
    private final NettyRemotingServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(new NamedThreadFactory("ScriptedPeer_", true));
    final AtomicReference<ClusterInfo> clusterInfo = new AtomicReference<>(new ClusterInfo(Map.of(), Map.of()));
    final AtomicReference<Map<String, TopicRouteData>> routes = new AtomicReference<>(Map.of());
    final AtomicLong delayMillis = new AtomicLong();
    final AtomicLong requests = new AtomicLong();

    ScriptedPeer() throws InterruptedException {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        config.setServerSelectorThreads(1);
        server = new NettyRemotingServer(config, null, new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON),
            ServerTls.disabled());
        server.registerDefaultProcessor(new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
                requests.incrementAndGet();
                try {
                    Thread.sleep(delayMillis.get());
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                    return null; // the test is over: a slow peer that never answers
                }
                return answer(request);
            }
        }, executor);
        server.start();
    }

    private RemotingCommand answer(RemotingCommand request) {
        switch (request.getCode()) {
            case RequestCode.GET_BROKER_CLUSTER_INFO:
                return ok(json.encode(clusterInfo.get()));
            case RequestCode.GET_TOPICS_BY_CLUSTER:
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER:
                return ok(json.encode(TopicList.of(routes.get().keySet())));
            case RequestCode.GET_ROUTEINFO_BY_TOPIC: {
                TopicRouteData route = routes.get().get(request.decodeHeader(GetRouteInfoRequestHeader::decode).topic());
                return route == null ? RemotingCommand.response(ResponseCode.TOPIC_NOT_EXIST, "No topic route info")
                    : ok(json.encodeStandard(route));
            }
            default:
                return RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "not supported");
        }
    }

    private static RemotingCommand ok(byte[] body) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(body);
    }

    String address() {
        return "127.0.0.1:" + server.localPort();
    }

    @Override
    public void close() {
        server.shutdown();
        executor.shutdownNow();
    }
}
