package io.namesrv.interop.support;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.remoting.protocol.DataVersion;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigAndMappingSerializeWrapper;
import org.apache.rocketmq.remoting.protocol.header.namesrv.BrokerHeartbeatRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.QueryDataVersionRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;

/**
 * A broker that exists only as the requests it would send: REGISTER_BROKER, QUERY_DATA_VERSION
 * and BROKER_HEARTBEAT built with Apache's own header and body classes, so a name server can be
 * given state without a broker process. Requests carry the current client version explicitly:
 * the version a request gets by default depends on which Apache class the JVM loaded first.
 *
 * @param dataVersionCounter the broker's topic-config DataVersion is (stateVersion 0, timestamp
 *                           {@link #DATA_VERSION_TIMESTAMP}, this counter); changing it means
 *                           "my topic configs changed"
 */
public record FakeBroker(String cluster, String name, long id, String addr, String haAddr,
                         List<TopicConfig> topics, long dataVersionCounter) {

    public static final long DATA_VERSION_TIMESTAMP = 1_700_000_000_000L;
    public static final long HEARTBEAT_TIMEOUT_MILLIS = 120_000;

    public FakeBroker {
        topics = List.copyOf(topics);
    }

    public DataVersion dataVersion() {
        return dataVersion(dataVersionCounter);
    }

    public static DataVersion dataVersion(long counter) {
        DataVersion version = new DataVersion();
        version.setStateVersion(0);
        version.setTimestamp(DATA_VERSION_TIMESTAMP);
        version.setCounter(new AtomicLong(counter));
        return version;
    }

    /** The registration body as Apache's broker encodes it (plain JSON, not compressed). */
    public byte[] registerBody() {
        return apacheRegisterBody().encode(false);
    }

    /**
     * The registration as a broker with {@code compressedRegister=true} would send it if it also
     * said so in the header (Apache's broker leaves {@code compressed=false} there): a deflated body.
     */
    public RemotingCommand compressedRegisterRequest() {
        byte[] body = apacheRegisterBody().encode(true);
        return registerRequest(body, UtilAll.crc32(body), true, false, HEARTBEAT_TIMEOUT_MILLIS);
    }

    private RegisterBrokerBody apacheRegisterBody() {
        ConcurrentHashMap<String, TopicConfig> table = new ConcurrentHashMap<>();
        topics.forEach(t -> table.put(t.getTopicName(), t));
        TopicConfigAndMappingSerializeWrapper wrapper = new TopicConfigAndMappingSerializeWrapper();
        wrapper.setTopicConfigTable(table);
        wrapper.setDataVersion(dataVersion());
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(wrapper);
        body.setFilterServerList(List.of());
        return body;
    }

    public RemotingCommand registerRequest() {
        byte[] body = registerBody();
        return registerRequest(body, UtilAll.crc32(body));
    }

    /** A registration whose {@code bodyCrc32} is whatever the caller says, e.g. a wrong one. */
    public RemotingCommand registerRequest(byte[] body, int bodyCrc32) {
        return registerRequest(body, bodyCrc32, false, false, HEARTBEAT_TIMEOUT_MILLIS);
    }

    /**
     * The registration of a broker with {@code enableSlaveActingMaster} as given (a 5.x broker sends
     * it as {@code enableActingMaster}) announcing the given heartbeat timeout.
     */
    public RemotingCommand registerRequest(boolean enableActingMaster, long heartbeatTimeoutMillis) {
        byte[] body = registerBody();
        return registerRequest(body, UtilAll.crc32(body), false, enableActingMaster, heartbeatTimeoutMillis);
    }

    /** UNREGISTER_BROKER, as a broker sends it when it shuts down. */
    public RemotingCommand unregisterRequest() {
        UnRegisterBrokerRequestHeader header = new UnRegisterBrokerRequestHeader();
        header.setBrokerName(name);
        header.setBrokerAddr(addr);
        header.setClusterName(cluster);
        header.setBrokerId(id);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_BROKER, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        return request;
    }

    private RemotingCommand registerRequest(byte[] body, int bodyCrc32, boolean compressed, boolean enableActingMaster,
                                            long heartbeatTimeoutMillis) {
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setBrokerName(name);
        header.setBrokerAddr(addr);
        header.setClusterName(cluster);
        header.setHaServerAddr(haAddr);
        header.setBrokerId(id);
        header.setHeartbeatTimeoutMillis(heartbeatTimeoutMillis);
        header.setEnableActingMaster(enableActingMaster);
        header.setCompressed(compressed);
        header.setBodyCrc32(bodyCrc32);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        request.setBody(body);
        return request;
    }

    public RemotingCommand queryDataVersionRequest(DataVersion version) {
        QueryDataVersionRequestHeader header = new QueryDataVersionRequestHeader();
        header.setBrokerName(name);
        header.setBrokerAddr(addr);
        header.setClusterName(cluster);
        header.setBrokerId(id);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.QUERY_DATA_VERSION, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        request.setBody(version.encode());
        return request;
    }

    public RemotingCommand heartbeatRequest() {
        BrokerHeartbeatRequestHeader header = new BrokerHeartbeatRequestHeader();
        header.setClusterName(cluster);
        header.setBrokerAddr(addr);
        header.setBrokerName(name);
        header.setBrokerId(id);
        header.setEpoch(0);
        header.setMaxOffset(0L);
        header.setConfirmOffset(0L);
        header.setHeartbeatTimeoutMills(HEARTBEAT_TIMEOUT_MILLIS);
        header.setElectionPriority(0);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.BROKER_HEARTBEAT, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        return request;
    }
}
