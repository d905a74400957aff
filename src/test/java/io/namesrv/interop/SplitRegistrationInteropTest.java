package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.FakeBroker;
import io.namesrv.interop.support.NameServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.junit.jupiter.api.Test;

/**
 * Split registration (apache/rocketmq#10425): a broker with {@code enableSplitRegistration} sends
 * its topics in batches of {@code splitRegistrationSize} (800), each a REGISTER_BROKER of its own,
 * built here with Apache 5.3.3's request and body classes. With
 * {@code deleteTopicWithBrokerRegistration=true}, Apache's name server lets every batch delete the
 * topics of the others; ours applies every batch and deletes none of them, for a broker of
 * 200,000 topics, whether the batches share one data version (brokers 5.3.4-5.5.0) or each has its
 * own (5.3.3, 5.5.1).
 */
class SplitRegistrationInteropTest {

    private static final String CLUSTER = "SplitCluster";
    private static final String BROKER = "split-broker";
    private static final String ADDR = "127.0.0.1:43911";
    private static final String HA = "127.0.0.1:43912";
    private static final int TOPICS = 200_000;
    private static final int BATCH = 800;
    private static final int FRAME_LIMIT = 16 * 1024 * 1024;
    private static final Map<String, String> DELETE_WITH_REGISTRATION = Map.of("deleteTopicWithBrokerRegistration",
        "true");

    private static List<TopicConfig> batch(int from, int to, int changedQueues) {
        List<TopicConfig> topics = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            int queues = i == TOPICS - 1 ? changedQueues : 8;
            topics.add(new TopicConfig("Split" + i, queues, queues, 6, 0));
        }
        return topics;
    }

    /** Every batch of one round; {@code ownVersions} gives each its own data version. */
    private static void round(ApacheWireClient wire, long counter, boolean ownVersions, int lastTopicQueues) {
        for (int from = 0, b = 0; from < TOPICS; from += BATCH, b++) {
            FakeBroker broker = new FakeBroker(CLUSTER, BROKER, 0, ADDR, HA,
                batch(from, Math.min(TOPICS, from + BATCH), lastTopicQueues), ownVersions ? counter + b : counter);
            RemotingCommand request = broker.registerRequest();
            assertTrue(request.getBody().length < FRAME_LIMIT, "a batch fits a frame with room to spare");
            assertEquals(ResponseCode.SUCCESS, wire.invoke(request).getCode(), "batch " + b);
        }
    }

    private static RemotingCommand route(ApacheWireClient wire, String topic) {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        return wire.invoke(request);
    }

    private static int writeQueues(ApacheWireClient wire, String topic) {
        RemotingCommand response = route(wire, topic);
        assertEquals(ResponseCode.SUCCESS, response.getCode(), topic);
        return JSON.parseObject(response.getBody()).getJSONArray("queueDatas").getJSONObject(0)
            .getIntValue("writeQueueNums");
    }

    private static int topicCount(ApacheWireClient wire) {
        RemotingCommand request = RemotingCommand.createRequestCommand(
            RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null);
        request.setVersion(MQVersion.CURRENT_VERSION);
        RemotingCommand response = wire.invoke(request);
        assertEquals(ResponseCode.SUCCESS, response.getCode(), response.getRemark());
        JSONObject list = JSON.parseObject(response.getBody());
        return list.getJSONArray("topicList").size();
    }

    @Test
    void oursKeepsEveryBatchOfA200000TopicBroker() {
        try (NameServerProcess namesrv = NameServerProcess.ours(DELETE_WITH_REGISTRATION);
             ApacheWireClient wire = new ApacheWireClient(namesrv.address())) {
            round(wire, 1, false, 8); // one data version for every batch
            assertEquals(TOPICS, topicCount(wire), "every batch applied, none deleted by another");
            for (String topic : List.of("Split0", "Split799", "Split800", "Split100000", "Split" + (TOPICS - 1))) {
                assertEquals(8, writeQueues(wire, topic), topic);
            }

            round(wire, 1000, true, 16); // each batch its own version; the last batch changes a topic
            assertEquals(TOPICS, topicCount(wire));
            assertEquals(16, writeQueues(wire, "Split" + (TOPICS - 1)), "a later batch's change is applied");
            assertEquals(8, writeQueues(wire, "Split0"));

            round(wire, 5000, false, 4); // one shared version again, the change in the last batch
            assertEquals(4, writeQueues(wire, "Split" + (TOPICS - 1)),
                "applied although the batch repeats the round's data version (Apache skips it: #10425)");
            assertEquals(TOPICS, topicCount(wire));
        }
    }

    /** What Apache 5.3.3's name server does with the same two batches: the second deletes the first's topics. */
    @Test
    void apacheLetsEachBatchDeleteTheOthersTopics() {
        try (NameServerProcess namesrv = NameServerProcess.apache(DELETE_WITH_REGISTRATION);
             ApacheWireClient wire = new ApacheWireClient(namesrv.address())) {
            List<TopicConfig> first = List.of(new TopicConfig("ApacheSplitA", 4, 4, 6, 0),
                new TopicConfig("ApacheSplitB", 4, 4, 6, 0));
            List<TopicConfig> second = List.of(new TopicConfig("ApacheSplitC", 4, 4, 6, 0),
                new TopicConfig("ApacheSplitD", 4, 4, 6, 0));
            assertEquals(ResponseCode.SUCCESS, wire.invoke(new FakeBroker(CLUSTER, BROKER, 0, ADDR, HA, first, 1)
                .registerRequest()).getCode());
            assertEquals(ResponseCode.SUCCESS, wire.invoke(new FakeBroker(CLUSTER, BROKER, 0, ADDR, HA, second, 2)
                .registerRequest()).getCode());
            assertEquals(ResponseCode.SUCCESS, route(wire, "ApacheSplitC").getCode());
            assertEquals(ResponseCode.TOPIC_NOT_EXIST, route(wire, "ApacheSplitA").getCode(),
                "Apache's hazard (apache-5.5-delta.md A.8), which ours does not copy");
        }
    }
}
