package io.namesrv.cli.support;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.KVTable;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A broker that is only a listening socket: it registers itself with name servers (REGISTER_BROKER
 * with its topics) and answers the few broker codes mqadmin sends to brokers: runtime stats (28),
 * topic deletion (215) and "who consumes this topic" (300, always nobody). Every stat value is
 * fixed, so Apache's and our clusterList see the same numbers.
 */
public final class FakeBroker implements AutoCloseable {

    public static final int GET_BROKER_RUNTIME_INFO = 28;
    public static final int QUERY_TOPIC_CONSUME_BY_WHO = 300;

    private final JsonBodies json = new JsonBodies();
    private final String cluster;
    private final String brokerName;
    private final long brokerId;
    private final NettyRemotingServer server;
    private final ExecutorService executor;
    private final List<String> deletedTopics = new CopyOnWriteArrayList<>();
    private final Map<String, String> stats;
    // Kept open: a name server drops a broker when the channel it registered on closes.
    private final NettyRemotingClient registrationClient =
        new NettyRemotingClient(new NettyClientConfig(), new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON));

    public FakeBroker(String cluster, String brokerName, long brokerId, Map<String, String> stats)
        throws InterruptedException {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.brokerId = brokerId;
        this.stats = Map.copyOf(stats);
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        config.setServerWorkerThreads(1);
        config.setServerSelectorThreads(1);
        this.server = new NettyRemotingServer(config, null, new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), null);
        this.executor = Executors.newSingleThreadExecutor(new NamedThreadFactory("FakeBroker_" + brokerName + "_", true, 1));
        server.registerDefaultProcessor((channel, request) -> answer(request), executor);
        server.start();
    }

    /** The stats a healthy broker reports, in the value formats Apache's broker uses. */
    public static Map<String, String> typicalStats(String version, long earliestMessageTimeStamp) {
        Map<String, String> stats = new LinkedHashMap<>();
        stats.put("brokerVersionDesc", version);
        stats.put("putTps", "12.50 11.00 10.25");
        stats.put("getTransferredTps", "3.75 3.00 2.00");
        stats.put("sendThreadPoolQueueSize", "4");
        stats.put("sendThreadPoolQueueHeadWaitTimeMills", "2");
        stats.put("pullThreadPoolQueueSize", "1");
        stats.put("pullThreadPoolQueueHeadWaitTimeMills", "0");
        stats.put("ackThreadPoolQueueSize", "0");
        stats.put("ackThreadPoolQueueHeadWaitTimeMills", "0");
        stats.put("pageCacheLockTimeMills", "0");
        stats.put("earliestMessageTimeStamp", Long.toString(earliestMessageTimeStamp));
        stats.put("commitLogDiskRatio", "0.4321");
        stats.put("timerReadBehind", "0");
        stats.put("timerOffsetBehind", "7");
        stats.put("timerCongestNum", "25000");
        stats.put("timerEnqueueTps", "1.5");
        stats.put("timerDequeueTps", "0.5");
        stats.put("brokerActive", "true");
        stats.put("msgPutTotalYesterdayMorning", "100");
        stats.put("msgPutTotalTodayMorning", "250");
        stats.put("msgPutTotalTodayNow", "400");
        stats.put("msgGetTotalYesterdayMorning", "50");
        stats.put("msgGetTotalTodayMorning", "90");
        stats.put("msgGetTotalTodayNow", "120");
        return stats;
    }

    private RemotingCommand answer(RemotingCommand request) {
        switch (request.getCode()) {
            case GET_BROKER_RUNTIME_INFO:
                return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(json.encode(new KVTable(stats)));
            case RequestCode.DELETE_TOPIC_IN_BROKER:
                deletedTopics.add(request.extField("topic"));
                return RemotingCommand.response(ResponseCode.SUCCESS, null);
            case QUERY_TOPIC_CONSUME_BY_WHO:
                return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody("{\"groupList\":[]}".getBytes());
            default:
                return RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.getCode() + " not supported");
        }
    }

    public String address() {
        return "127.0.0.1:" + server.localPort();
    }

    public String brokerName() {
        return brokerName;
    }

    public List<String> deletedTopics() {
        return List.copyOf(deletedTopics);
    }

    /** Registers this broker with its topics (each with 8 read and 8 write queues, perm 6) at {@code namesrv}. */
    public void registerWith(String namesrv, List<String> topics) throws Exception {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (String topic : topics) {
            table.put(topic, new TopicConfig(topic, 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        }
        RegisterBrokerBody body = new RegisterBrokerBody(
            TopicConfigSerializeWrapper.of(new DataVersion(0, 1_700_000_000_000L, 3), table), List.of());
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(brokerName, address(), cluster,
            address(), brokerId, 120_000L, false, false, 0);
        RemotingCommand response = registrationClient.invokeSync(namesrv,
            RemotingCommand.request(RequestCode.REGISTER_BROKER, header).setBody(json.encode(body)), 3000);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("register " + brokerName + " at " + namesrv + ": " + response);
        }
    }

    /** Stops the broker's own server but stays registered: the name server still lists a broker nobody answers at. */
    public void stopServing() {
        server.shutdown();
    }

    @Override
    public void close() {
        registrationClient.close();
        server.shutdown();
        executor.shutdownNow();
    }
}
