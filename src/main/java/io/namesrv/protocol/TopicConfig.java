package io.namesrv.protocol;

import com.alibaba.fastjson2.annotation.JSONType;
import java.util.Map;

/**
 * A broker's configuration of one topic, as carried in registration bodies. The compressed body
 * uses a space-separated text form instead of JSON; see {@link TopicConfigText}.
 */
@JSONType(deserializer = TopicConfigJsonReader.class)
public record TopicConfig(
        String topicName,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        TopicFilterType topicFilterType,
        int topicSysFlag,
        boolean order,
        Map<String, String> attributes) {

    public TopicConfig {
        attributes = Immutables.map(attributes);
    }
}
