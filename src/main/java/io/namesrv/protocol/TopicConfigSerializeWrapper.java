package io.namesrv.protocol;

import java.util.Map;

/**
 * A broker's topic table with its version. 5.x brokers add the static-topic mapping fields;
 * {@code topicQueueMappingDetailMap} is kept as raw JSON because the name server never reads it.
 */
public record TopicConfigSerializeWrapper(
        DataVersion dataVersion,
        Map<String, TopicConfig> topicConfigTable,
        DataVersion mappingDataVersion,
        Map<String, TopicQueueMappingInfo> topicQueueMappingInfoMap,
        RawJson topicQueueMappingDetailMap) {

    public TopicConfigSerializeWrapper {
        topicConfigTable = Immutables.map(topicConfigTable);
        topicQueueMappingInfoMap = Immutables.map(topicQueueMappingInfoMap);
    }

    /** A 4.x-shaped wrapper: a version and topics, no static-topic mapping. */
    public static TopicConfigSerializeWrapper of(DataVersion dataVersion, Map<String, TopicConfig> topicConfigTable) {
        return new TopicConfigSerializeWrapper(dataVersion, topicConfigTable, null, null, null);
    }
}
