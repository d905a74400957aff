package io.namesrv.interop;

import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.FakeBroker;
import java.util.List;
import java.util.Set;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.sysflag.TopicSysFlag;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * The name-server state the conformance suites run against, registered by {@link FakeBroker}s:
 * cluster {@value #CLUSTER} with group {@value #BROKER_A} (a master and a slave) and group
 * {@value #BROKER_B} (a master), and cluster {@value #OTHER_CLUSTER} with group {@value #BROKER_C}.
 * The broker addresses are never dialled: a name server only stores them.
 */
final class ConformanceFixture {

    static final String CLUSTER = "ConformCluster";
    static final String OTHER_CLUSTER = "OtherCluster";
    static final String BROKER_A = "conform-broker-a";
    static final String BROKER_B = "conform-broker-b";
    static final String BROKER_C = "other-broker-c";

    static final String A_MASTER = "127.0.0.1:40911";
    static final String A_MASTER_HA = "127.0.0.1:40912";
    static final String A_SLAVE = "127.0.0.1:40921";
    static final String A_SLAVE_HA = "127.0.0.1:40922";
    static final String B_MASTER = "127.0.0.1:40931";
    static final String B_MASTER_HA = "127.0.0.1:40932";
    static final String C_MASTER = "127.0.0.1:40941";
    static final String C_MASTER_HA = "127.0.0.1:40942";

    static final String TOPIC_A = "ConformTopicA";
    static final String TOPIC_B = "ConformTopicB";
    static final String TOPIC_C = "ConformTopicC";
    static final String TOPIC_SHARED = "ConformTopicShared";
    static final String TOPIC_DOOMED = "ConformTopicDoomed";
    static final String UNIT_TOPIC = "ConformUnitTopic";
    static final String UNIT_SUB_TOPIC = "ConformUnitSubTopic";
    static final String UNIT_BOTH_TOPIC = "ConformUnitBothTopic";

    static final int PERM_READ = 4;
    static final int PERM_READ_WRITE = 6;

    /** Topics of group A; the slave reports the same ones (a name server ignores them while the master lives). */
    static final List<TopicConfig> TOPICS_A = List.of(
        new TopicConfig(TOPIC_A, 8, 8, PERM_READ_WRITE, 0),
        new TopicConfig(TOPIC_SHARED, 4, 4, PERM_READ_WRITE, 0),
        new TopicConfig(TOPIC_DOOMED, 1, 1, PERM_READ_WRITE, 0),
        new TopicConfig(UNIT_TOPIC, 2, 2, PERM_READ_WRITE, TopicSysFlag.buildSysFlag(true, false)),
        new TopicConfig(UNIT_BOTH_TOPIC, 2, 2, PERM_READ_WRITE, TopicSysFlag.buildSysFlag(true, true)));
    static final List<TopicConfig> TOPICS_B = List.of(
        new TopicConfig(TOPIC_B, 3, 2, PERM_READ, 0),
        new TopicConfig(TOPIC_SHARED, 2, 2, PERM_READ_WRITE, 0),
        new TopicConfig(TOPIC_DOOMED, 1, 1, PERM_READ_WRITE, 0),
        new TopicConfig(UNIT_SUB_TOPIC, 1, 1, PERM_READ_WRITE, TopicSysFlag.buildSysFlag(false, true)));
    static final List<TopicConfig> TOPICS_C = List.of(
        new TopicConfig(TOPIC_C, 4, 4, PERM_READ_WRITE, 0),
        new TopicConfig(TOPIC_DOOMED, 2, 2, PERM_READ_WRITE, 0));

    static final FakeBroker A0 = new FakeBroker(CLUSTER, BROKER_A, 0, A_MASTER, A_MASTER_HA, TOPICS_A, 1);
    static final FakeBroker A1 = new FakeBroker(CLUSTER, BROKER_A, 1, A_SLAVE, A_SLAVE_HA, TOPICS_A, 1);
    static final FakeBroker B0 = new FakeBroker(CLUSTER, BROKER_B, 0, B_MASTER, B_MASTER_HA, TOPICS_B, 1);
    static final FakeBroker C0 = new FakeBroker(OTHER_CLUSTER, BROKER_C, 0, C_MASTER, C_MASTER_HA, TOPICS_C, 1);

    static final Set<String> ALL_TOPICS = Set.of(TOPIC_A, TOPIC_B, TOPIC_C, TOPIC_SHARED, TOPIC_DOOMED,
        UNIT_TOPIC, UNIT_SUB_TOPIC, UNIT_BOTH_TOPIC);
    static final Set<String> CLUSTER_TOPICS = Set.of(TOPIC_A, TOPIC_B, TOPIC_SHARED, TOPIC_DOOMED,
        UNIT_TOPIC, UNIT_SUB_TOPIC, UNIT_BOTH_TOPIC);
    static final Set<String> ALL_ADDRESSES = Set.of(A_MASTER, A_SLAVE, B_MASTER, C_MASTER);

    private ConformanceFixture() {
    }

    /** Registers every fixture broker, master before slave, and checks each answer is SUCCESS. */
    static void registerAll(ApacheWireClient wire) {
        for (FakeBroker broker : List.of(A0, A1, B0, C0)) {
            RemotingCommand response = wire.invoke(broker.registerRequest());
            if (response.getCode() != 0) {
                throw new IllegalStateException("registering " + broker.name() + "/" + broker.id()
                    + " failed: " + response.getCode() + " " + response.getRemark());
            }
        }
    }
}
