package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;

/**
 * One REGISTER_BROKER as the route table takes it: who the broker is (cluster, address, name,
 * id), what it reports (topics, filter servers, zone, HA address) and how to watch it (heartbeat
 * timeout, the channel it registered on). Optional parts are null when the broker did not send
 * them; {@code enableActingMaster} null means a broker older than 5.x, which matters for
 * prime-slave topics. Build one with {@link #builder}.
 *
 * <p>{@code bodyCrc32} is the checksum of the request body (0: none). {@code sameBodyAsBefore}
 * says the body was not decoded because the route table knows it (see
 * {@link RouteInfoManager#knowsBody}): the registration then carries no topics, and the table
 * either applies it as the unchanged re-registration it is or answers
 * {@link RegisterBrokerResult#BODY_NEEDED}.
 */
public record BrokerRegistration(String clusterName, String brokerAddr, String brokerName, long brokerId,
                                 String haServerAddr, String zoneName, Long heartbeatTimeoutMillis,
                                 Boolean enableActingMaster, TopicConfigSerializeWrapper topicConfigWrapper,
                                 List<String> filterServerList, Channel channel, int bodyCrc32,
                                 boolean sameBodyAsBefore) {

    private static final DataVersion NO_VERSION = new DataVersion(0L, 0L, 0L);

    /** A registration with no optional part set: add them on the builder. */
    public static Builder builder(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        return new Builder(clusterName, brokerAddr, brokerName, brokerId);
    }

    /** The live-table key of this broker process. */
    BrokerAddrInfo addrInfo() {
        return new BrokerAddrInfo(clusterName, brokerAddr);
    }

    boolean isMaster() {
        return brokerId == BrokerGroup.MASTER_ID;
    }

    /** Before 5.x brokers sent no acting-master flag, and a slave's topics were never taken. */
    boolean isOldVersionBroker() {
        return enableActingMaster == null;
    }

    boolean actingMaster() {
        return Boolean.TRUE.equals(enableActingMaster);
    }

    /** The data version of the reported topics, or all zeros when none came. */
    DataVersion dataVersion() {
        return topicConfigWrapper != null && topicConfigWrapper.dataVersion() != null
            ? topicConfigWrapper.dataVersion() : NO_VERSION;
    }

    /** The reported topics, or null when the body carried no topic table. */
    Map<String, TopicConfig> topicConfigs() {
        return topicConfigWrapper == null ? null : topicConfigWrapper.topicConfigTable();
    }

    /** Sets the optional parts of a {@link BrokerRegistration} by name instead of by position. */
    public static final class Builder {
        private final String clusterName;
        private final String brokerAddr;
        private final String brokerName;
        private final long brokerId;
        private String haServerAddr;
        private String zoneName;
        private Long heartbeatTimeoutMillis;
        private Boolean enableActingMaster;
        private TopicConfigSerializeWrapper topicConfigWrapper;
        private List<String> filterServerList;
        private Channel channel;
        private int bodyCrc32;
        private boolean sameBodyAsBefore;

        private Builder(String clusterName, String brokerAddr, String brokerName, long brokerId) {
            this.clusterName = clusterName;
            this.brokerAddr = brokerAddr;
            this.brokerName = brokerName;
            this.brokerId = brokerId;
        }

        public Builder haServerAddr(String haServerAddr) {
            this.haServerAddr = haServerAddr;
            return this;
        }

        /** The zone the broker names (null: the group keeps its zone). */
        public Builder zoneName(String zoneName) {
            this.zoneName = zoneName;
            return this;
        }

        /** Null: the default two minutes. */
        public Builder heartbeatTimeoutMillis(Long heartbeatTimeoutMillis) {
            this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
            return this;
        }

        /** Null: a broker older than 5.x, which sends no such flag. */
        public Builder enableActingMaster(Boolean enableActingMaster) {
            this.enableActingMaster = enableActingMaster;
            return this;
        }

        public Builder topics(TopicConfigSerializeWrapper topicConfigWrapper) {
            this.topicConfigWrapper = topicConfigWrapper;
            return this;
        }

        /** Null: leave the broker's filter servers as they are; empty: it has none. */
        public Builder filterServers(List<String> filterServerList) {
            this.filterServerList = filterServerList;
            return this;
        }

        /** The connection the broker registered on; closing it removes the broker. */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /** The checksum of the body the topics were decoded from (0: none). */
        public Builder bodyCrc32(int bodyCrc32) {
            this.bodyCrc32 = bodyCrc32;
            return this;
        }

        /** The body, with this checksum, was left undecoded because the route table knows it. */
        public Builder sameBodyAsBefore(int bodyCrc32) {
            this.bodyCrc32 = bodyCrc32;
            this.sameBodyAsBefore = true;
            return this;
        }

        public BrokerRegistration build() {
            return new BrokerRegistration(clusterName, brokerAddr, brokerName, brokerId, haServerAddr, zoneName,
                heartbeatTimeoutMillis, enableActingMaster, topicConfigWrapper, filterServerList, channel, bodyCrc32,
                sameBodyAsBefore);
        }
    }
}
