package io.namesrv.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds Apache 5.3.3's objects from ours and back, field by field, so a golden test can encode
 * the same value on both sides. Maps are copied into the implementation Apache uses; for small
 * maps of the same keys that gives the same iteration order as ours, hence the same bytes.
 */
final class ApacheMirror {

    private ApacheMirror() {
    }

    static org.apache.rocketmq.remoting.protocol.DataVersion apache(DataVersion v) {
        var a = new org.apache.rocketmq.remoting.protocol.DataVersion();
        a.setStateVersion(v.stateVersion());
        a.setTimestamp(v.timestamp());
        a.setCounter(new AtomicLong(v.counter()));
        return a;
    }

    static DataVersion ours(org.apache.rocketmq.remoting.protocol.DataVersion a) {
        return new DataVersion(a.getStateVersion(), a.getTimestamp(), a.getCounter().get());
    }

    static org.apache.rocketmq.remoting.protocol.route.QueueData apache(QueueData q) {
        var a = new org.apache.rocketmq.remoting.protocol.route.QueueData();
        a.setBrokerName(q.brokerName());
        a.setPerm(q.perm());
        a.setReadQueueNums(q.readQueueNums());
        a.setWriteQueueNums(q.writeQueueNums());
        a.setTopicSysFlag(q.topicSysFlag());
        return a;
    }

    static org.apache.rocketmq.remoting.protocol.route.BrokerData apache(BrokerData b) {
        var a = new org.apache.rocketmq.remoting.protocol.route.BrokerData();
        a.setCluster(b.cluster());
        a.setBrokerName(b.brokerName());
        a.setBrokerAddrs(b.brokerAddrs() == null ? null : new HashMap<>(b.brokerAddrs()));
        a.setZoneName(b.zoneName());
        a.setEnableActingMaster(b.enableActingMaster());
        return a;
    }

    static org.apache.rocketmq.remoting.protocol.statictopic.TopicQueueMappingInfo apache(TopicQueueMappingInfo m) {
        var a = new org.apache.rocketmq.remoting.protocol.statictopic.TopicQueueMappingInfo(
                m.topic(), m.totalQueues(), m.bname(), m.epoch());
        a.setScope(m.scope());
        a.setDirty(m.dirty());
        a.setCurrIdMap(m.currIdMap() == null ? null : new ConcurrentHashMap<>(m.currIdMap()));
        return a;
    }

    static org.apache.rocketmq.remoting.protocol.route.TopicRouteData apache(TopicRouteData r) {
        var a = new org.apache.rocketmq.remoting.protocol.route.TopicRouteData();
        a.setOrderTopicConf(r.orderTopicConf());
        if (r.queueDatas() != null) {
            a.setQueueDatas(new ArrayList<>(r.queueDatas().stream().map(ApacheMirror::apache).toList()));
        }
        if (r.brokerDatas() != null) {
            a.setBrokerDatas(new ArrayList<>(r.brokerDatas().stream().map(ApacheMirror::apache).toList()));
        }
        a.setFilterServerTable(r.filterServerTable() == null ? null : new HashMap<>(r.filterServerTable()));
        if (r.topicQueueMappingByBroker() != null) {
            Map<String, org.apache.rocketmq.remoting.protocol.statictopic.TopicQueueMappingInfo> m = new HashMap<>();
            r.topicQueueMappingByBroker().forEach((k, v) -> m.put(k, apache(v)));
            a.setTopicQueueMappingByBroker(m);
        } else {
            a.setTopicQueueMappingByBroker(null);
        }
        return a;
    }

    static org.apache.rocketmq.common.TopicConfig apache(TopicConfig t) {
        var a = new org.apache.rocketmq.common.TopicConfig(t.topicName(), t.readQueueNums(), t.writeQueueNums(), t.perm());
        a.setTopicFilterType(org.apache.rocketmq.common.TopicFilterType.valueOf(t.topicFilterType().name()));
        a.setTopicSysFlag(t.topicSysFlag());
        a.setOrder(t.order());
        a.setAttributes(t.attributes() == null ? null : new HashMap<>(t.attributes()));
        return a;
    }

    static TopicConfig ours(org.apache.rocketmq.common.TopicConfig a) {
        return new TopicConfig(a.getTopicName(), a.getReadQueueNums(), a.getWriteQueueNums(), a.getPerm(),
                TopicFilterType.valueOf(a.getTopicFilterType().name()), a.getTopicSysFlag(), a.isOrder(),
                a.getAttributes() == null ? null : new HashMap<>(a.getAttributes()));
    }

    /** Our topic table in the iteration order of Apache's ConcurrentHashMap, so both encode alike. */
    static Map<String, TopicConfig> ours(ConcurrentMap<String, org.apache.rocketmq.common.TopicConfig> table) {
        Map<String, TopicConfig> m = new LinkedHashMap<>();
        table.forEach((k, v) -> m.put(k, ours(v)));
        return m;
    }

    static org.apache.rocketmq.remoting.protocol.body.ClusterInfo apache(ClusterInfo c) {
        var a = new org.apache.rocketmq.remoting.protocol.body.ClusterInfo();
        Map<String, org.apache.rocketmq.remoting.protocol.route.BrokerData> brokers = new HashMap<>();
        c.brokerAddrTable().forEach((k, v) -> brokers.put(k, apache(v)));
        a.setBrokerAddrTable(brokers);
        a.setClusterAddrTable(new HashMap<>(c.clusterAddrTable()));
        return a;
    }

    static org.apache.rocketmq.remoting.protocol.body.BrokerMemberGroup apache(BrokerMemberGroup g) {
        var a = new org.apache.rocketmq.remoting.protocol.body.BrokerMemberGroup(g.cluster(), g.brokerName());
        a.setBrokerAddrs(new HashMap<>(g.brokerAddrs()));
        return a;
    }

    static List<String> copy(List<String> l) {
        return l == null ? null : new ArrayList<>(l);
    }
}
