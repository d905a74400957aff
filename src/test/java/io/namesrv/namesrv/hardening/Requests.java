package io.namesrv.namesrv.hardening;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.RegisterBrokerBodyCodec;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.header.GetKVConfigRequestHeader;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.protocol.header.UnRegisterBrokerRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Well-formed requests as a 5.3.3 broker or client would send them. */
final class Requests {

    static final int BROKER_VERSION = 479;
    static final String CLUSTER = "HardeningCluster";

    private static final JsonBodies JSON = new JsonBodies();
    private static final RegisterBrokerBodyCodec CODEC = new RegisterBrokerBodyCodec(JSON);

    private Requests() {
    }

    static RemotingCommand route(String topic) {
        return RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null))
            .setVersion(BROKER_VERSION);
    }

    static RemotingCommand register(String brokerName, String brokerAddr, long heartbeatTimeoutMillis,
                                    List<String> topics) {
        return register(CLUSTER, brokerName, brokerAddr, 0L, heartbeatTimeoutMillis, topics, false);
    }

    /** Any broker of any cluster, its body plain JSON or compressed as a 5.x broker writes either. */
    static RemotingCommand register(String cluster, String brokerName, String brokerAddr, long brokerId,
                                    long heartbeatTimeoutMillis, List<String> topics, boolean compressed) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (String topic : topics) {
            table.put(topic, new TopicConfig(topic, 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        }
        RegisterBrokerBody body = new RegisterBrokerBody(
            new TopicConfigSerializeWrapper(new DataVersion(0, System.currentTimeMillis(), 1), table, null, Map.of(), null),
            List.of());
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(brokerName, brokerAddr, cluster,
            brokerAddr, brokerId, heartbeatTimeoutMillis, false, compressed, 0);
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, header).setVersion(BROKER_VERSION)
            .setBody(compressed ? CODEC.encodeCompressed(body) : CODEC.encodeJson(body));
    }

    /** A REGISTER_BROKER header with whatever body bytes the caller wants to try. */
    static RemotingCommand registerWithBody(byte[] body, boolean compressed, int crc32) {
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader("b", "127.0.0.1:1", CLUSTER,
            "127.0.0.1:2", 0L, 30_000L, false, compressed, crc32);
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, header).setVersion(BROKER_VERSION).setBody(body);
    }

    static RemotingCommand unregister(String brokerName, String brokerAddr) {
        return RemotingCommand.request(RequestCode.UNREGISTER_BROKER,
            new UnRegisterBrokerRequestHeader(brokerName, brokerAddr, CLUSTER, 0L)).setVersion(BROKER_VERSION);
    }

    static RemotingCommand putKv(String namespace, String key, String value) {
        return RemotingCommand.request(RequestCode.PUT_KV_CONFIG, new PutKVConfigRequestHeader(namespace, key, value))
            .setVersion(BROKER_VERSION);
    }

    static RemotingCommand getKv(String namespace, String key) {
        return RemotingCommand.request(RequestCode.GET_KV_CONFIG, new GetKVConfigRequestHeader(namespace, key))
            .setVersion(BROKER_VERSION);
    }
}
