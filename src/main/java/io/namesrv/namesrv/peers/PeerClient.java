package io.namesrv.namesrv.peers;

import io.namesrv.protocol.BrokerLivenessTable;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.MalformedBodyException;
import io.namesrv.protocol.TopicList;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetBrokerClusterInfoRequestHeader;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.protocol.header.GetTopicsByClusterRequestHeader;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.RemotingTimeoutException;
import io.namesrv.remoting.netty.InvokeCallback;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks peer name servers what they know, with the request codes any client uses (106 cluster
 * info, 206/224 topic lists, 105 routes), so an Apache name server can be a peer too; plus our
 * read-only 40001 for heartbeat ages and data versions, which an Apache server does not have.
 * Every call is bounded by {@link #CALL_TIMEOUT_MILLIS}: a slow peer costs its own comparison
 * that much, never more, and never anyone else's.
 */
final class PeerClient implements AutoCloseable {

    /** As long as a client waits for a route (Apache's mqClientApiTimeout). */
    static final long CALL_TIMEOUT_MILLIS = 3_000;
    /** Route lookups in flight per peer while fetching many: enough to hide the round trip, not a flood. */
    private static final int ROUTE_WINDOW = 32;

    private final NettyRemotingClient client;
    private final JsonBodies json = new JsonBodies();

    PeerClient(WireIdentity identity) {
        NettyClientConfig config = new NettyClientConfig();
        config.setClientWorkerThreads(0);
        config.setConnectTimeoutMillis((int) CALL_TIMEOUT_MILLIS);
        this.client = new NettyRemotingClient(config, identity);
    }

    /** The brokers that registered with {@code peer} itself (an Apache peer: all it knows). */
    ClusterInfo directClusterInfo(String peer) throws PeerException, InterruptedException {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO,
            new GetBrokerClusterInfoRequestHeader(true));
        ClusterInfo info = decode(peer, "cluster info", ok(peer, "cluster info", call(peer, request)).getBody(),
            ClusterInfo.class);
        return info == null ? new ClusterInfo(Map.of(), Map.of()) : info;
    }

    /** Heartbeat ages and data versions, or null when the peer does not have code 40001 (Apache). */
    BrokerLivenessTable liveness(String peer) throws PeerException, InterruptedException {
        RemotingCommand response = call(peer, RemotingCommand.request(RequestCode.GET_BROKER_LIVENESS, null));
        if (response.getCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
            return null;
        }
        return decode(peer, "broker liveness", ok(peer, "broker liveness", response).getBody(),
            BrokerLivenessTable.class);
    }

    /** The topics of one cluster (224), or of every cluster when {@code cluster} is null (206). */
    Set<String> topics(String peer, String cluster) throws PeerException, InterruptedException {
        RemotingCommand request = cluster == null
            ? RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null)
            : RemotingCommand.request(RequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterRequestHeader(cluster));
        String what = cluster == null ? "topic list" : "topic list of cluster " + cluster;
        TopicList list = decode(peer, what, ok(peer, what, call(peer, request)).getBody(), TopicList.class);
        return list == null || list.topicList() == null ? Set.of() : list.topicList();
    }

    /**
     * The routes of {@code topics} (a topic the peer has no route for is left out), fetched with up
     * to {@link #ROUTE_WINDOW} lookups in flight. Fails as a whole when one lookup fails, or when
     * {@code deadlineNanos} (a {@link System#nanoTime()} instant) passes first.
     */
    Map<String, TopicRouteData> routes(String peer, Collection<String> topics, long deadlineNanos)
        throws PeerException, InterruptedException {
        Map<String, TopicRouteData> routes = new ConcurrentHashMap<>();
        AtomicReference<PeerException> failure = new AtomicReference<>();
        Semaphore window = new Semaphore(ROUTE_WINDOW);
        int sent = 0;
        for (String topic : topics) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (failure.get() != null || left <= 0 || !window.tryAcquire(left, TimeUnit.MILLISECONDS)) {
                break;
            }
            RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader(topic, true));
            sent++;
            try {
                client.invokeAsync(peer, request, Math.min(left, CALL_TIMEOUT_MILLIS), new InvokeCallback() {
                    @Override
                    public void onSuccess(RemotingCommand response) {
                        try {
                            if (response.getCode() == ResponseCode.SUCCESS) {
                                TopicRouteData route = decode(peer, "route of " + topic, response.getBody(),
                                    TopicRouteData.class);
                                if (route != null) {
                                    routes.put(topic, route);
                                }
                            } else if (response.getCode() != ResponseCode.TOPIC_NOT_EXIST) {
                                failure.compareAndSet(null, refused(peer, "route of " + topic, response));
                            }
                        } catch (PeerException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            window.release();
                        }
                    }

                    @Override
                    public void onFailure(RemotingException cause) {
                        failure.compareAndSet(null, new PeerException(peer + ": route of " + topic + ": "
                            + cause.getMessage(), cause));
                        window.release();
                    }
                });
            } catch (RemotingException e) {
                window.release();
                throw unreachable(peer, e);
            }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        boolean allBack = left > 0 && window.tryAcquire(ROUTE_WINDOW, left, TimeUnit.MILLISECONDS);
        if (failure.get() != null) {
            throw failure.get();
        }
        if (!allBack || sent < topics.size()) {
            throw new PeerException(peer + ": route lookups not finished in time (" + routes.size() + " of "
                + topics.size() + " answered)");
        }
        return routes;
    }

    private RemotingCommand call(String peer, RemotingCommand request) throws PeerException, InterruptedException {
        try {
            return client.invokeSync(peer, request, CALL_TIMEOUT_MILLIS);
        } catch (RemotingTimeoutException e) {
            // The connection may be stuck behind a peer that stopped reading: start afresh next time.
            client.closeChannel(peer);
            throw new PeerException(peer + " did not answer within " + CALL_TIMEOUT_MILLIS + " ms", e);
        } catch (RemotingException e) {
            throw unreachable(peer, e);
        }
    }

    private static PeerException unreachable(String peer, RemotingException e) {
        return new PeerException("cannot reach " + peer + ": " + e.getMessage(), e);
    }

    private static RemotingCommand ok(String peer, String what, RemotingCommand response) throws PeerException {
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw refused(peer, what, response);
        }
        return response;
    }

    private static PeerException refused(String peer, String what, RemotingCommand response) {
        return new PeerException(peer + " refused " + what + ": code " + response.getCode()
            + (response.getRemark() == null ? "" : ", " + response.getRemark().strip()));
    }

    private <T> T decode(String peer, String what, byte[] body, Class<T> type) throws PeerException {
        try {
            return json.decode(body, type);
        } catch (MalformedBodyException e) {
            throw new PeerException(peer + " sent a malformed " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
