package io.namesrv.bench;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.RegisterBrokerBodyCodec;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.header.BrokerHeartbeatRequestHeader;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.protocol.header.UnRegisterBrokerRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/** The requests the benchmark sends, built the way an Apache 5.x broker or client builds them. */
final class Requests {

    static final long HEARTBEAT_TIMEOUT_MILLIS = 120_000L;
    private static final int PERM_READ_WRITE = 6;

    private final JsonBodies json = new JsonBodies();
    private final RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(json);
    private final int queues;

    Requests(int queues) {
        this.queues = queues;
    }

    /** A registration body ready to send; build once, send many times. */
    record Registration(BrokerSpec broker, byte[] body, boolean compressed, int crc32) {
    }

    Registration registration(BrokerSpec broker, DataVersion version, boolean compressed) {
        Map<String, TopicConfig> topics = new LinkedHashMap<>(broker.topics().size() * 2);
        for (String topic : broker.topics()) {
            topics.put(topic, new TopicConfig(topic, queues, queues, PERM_READ_WRITE, TopicFilterType.SINGLE_TAG, 0, false,
                Map.of()));
        }
        RegisterBrokerBody body = new RegisterBrokerBody(TopicConfigSerializeWrapper.of(version, topics), List.of());
        byte[] bytes = compressed ? codec.encodeCompressed(body) : codec.encodeJson(body);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        // Apache's UtilAll.crc32 drops the sign bit; its name server compares against that.
        return new Registration(broker, bytes, compressed, (int) (crc.getValue() & 0x7FFFFFFF));
    }

    RemotingCommand register(Registration r) {
        BrokerSpec b = r.broker();
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(b.brokerName(), b.addr(), b.cluster(),
            b.haServerAddr(), b.brokerId(), HEARTBEAT_TIMEOUT_MILLIS, Boolean.FALSE, r.compressed(), r.crc32());
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, header).setBody(r.body());
    }

    static RemotingCommand heartbeat(BrokerSpec b) {
        return RemotingCommand.request(RequestCode.BROKER_HEARTBEAT, new BrokerHeartbeatRequestHeader(b.cluster(), b.addr(),
            b.brokerName(), b.brokerId(), null, null, null, HEARTBEAT_TIMEOUT_MILLIS, null));
    }

    static RemotingCommand unregister(BrokerSpec b) {
        return RemotingCommand.request(RequestCode.UNREGISTER_BROKER,
            new UnRegisterBrokerRequestHeader(b.brokerName(), b.addr(), b.cluster(), b.brokerId()));
    }

    static RemotingCommand route(String topic) {
        return RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null));
    }

    static RemotingCommand clusterInfo() {
        return RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO, null);
    }

    static RemotingCommand allTopicList() {
        return RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null);
    }
}
