package io.namesrv.namesrv.processor;

import static io.namesrv.namesrv.processor.ProcessorFixture.CLUSTER;
import static io.namesrv.namesrv.processor.ProcessorFixture.request;
import static io.namesrv.namesrv.processor.ProcessorFixture.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clusterTest mode (4.9 semantics): a route this server does not know is fetched from a second,
 * real name server (the "product environment") over the network.
 */
class ClusterTestRequestProcessorTest {

    private static final String LOCAL_BROKER = "10.0.0.1:10911";
    private static final String REMOTE_BROKER = "10.9.9.9:10911";
    private static final WireIdentity IDENTITY = new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON);

    @TempDir
    Path dir;

    private TestNameServer productEnv;
    private NettyRemotingClient productEnvClient;
    private ProcessorFixture f;
    private ClusterTestRequestProcessor processor;

    @BeforeEach
    void setUp() throws Exception {
        productEnv = TestNameServer.builder(dir.resolve("remote")).namesrv(c -> {
            c.setDefaultThreadPoolNums(2);
            c.setClientRequestThreadPoolNums(2);
        }).start();
        productEnv.controller().getRouteInfoManager().registerBroker(BrokerRegistration.builder(CLUSTER, REMOTE_BROKER,
            "broker-remote", 0).enableActingMaster(false).topics(wrapper(1, "RemoteTopic", "Shared")).build());

        f = new ProcessorFixture(dir.resolve("local"));
        f.routes.registerBroker(BrokerRegistration.builder(CLUSTER, LOCAL_BROKER, "broker-local", 0)
            .enableActingMaster(false).topics(wrapper(1, "LocalTopic", "Shared")).channel(f.channel).build());
        productEnvClient = new NettyRemotingClient(new NettyClientConfig(), IDENTITY);
        productEnvClient.updateNameServerAddressList(List.of(productEnv.address()));
        processor = new ClusterTestRequestProcessor(f.routes, f.kv, f.config, f.json, () -> true, productEnvClient);
    }

    @AfterEach
    void tearDown() {
        productEnvClient.close();
        productEnv.close();
        f.channel.finishAndReleaseAll();
    }

    private RemotingCommand lookup(ClusterTestRequestProcessor p, String topic) {
        return p.processRequest(f.channel,
            request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null)));
    }

    private Map<Long, String> brokerAddrs(RemotingCommand response) {
        assertEquals(ResponseCode.SUCCESS, response.getCode(), response.getRemark());
        return f.json.decode(response.getBody(), TopicRouteData.class).brokerDatas().get(0).brokerAddrs();
    }

    @Test
    void localMissIsFetchedFromTheProductEnvironment() {
        assertEquals(Map.of(0L, REMOTE_BROKER), brokerAddrs(lookup(processor, "RemoteTopic")));
    }

    @Test
    void localHitIsAnsweredLocally() {
        assertEquals(Map.of(0L, LOCAL_BROKER), brokerAddrs(lookup(processor, "LocalTopic")));
        assertEquals(Map.of(0L, LOCAL_BROKER), brokerAddrs(lookup(processor, "Shared")), "local wins");
    }

    @Test
    void missEverywhereIsTopicNotExist() {
        RemotingCommand response = lookup(processor, "Nowhere");
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, response.getCode());
        assertTrue(response.getRemark().startsWith("No topic route info in name server for the topic: Nowhere\n"));
    }

    @Test
    void unreachableProductEnvironmentIsAMiss() {
        try (NettyRemotingClient nowhere = new NettyRemotingClient(new NettyClientConfig(), IDENTITY)) {
            ClusterTestRequestProcessor isolated = new ClusterTestRequestProcessor(f.routes, f.kv, f.config, f.json,
                () -> true, nowhere);
            assertEquals(ResponseCode.TOPIC_NOT_EXIST, lookup(isolated, "RemoteTopic").getCode());
            assertEquals(Map.of(0L, LOCAL_BROKER), brokerAddrs(lookup(isolated, "LocalTopic")));
        }
    }
}
