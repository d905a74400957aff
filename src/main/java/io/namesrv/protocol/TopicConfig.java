package io.namesrv.protocol;

import com.alibaba.fastjson2.annotation.JSONField;
import java.util.Map;

/**
 * A broker's configuration of one topic, as carried in registration bodies. The compressed body
 * uses a space-separated text form instead of JSON; see {@link TopicConfigText}. Before 4.9.0 the
 * flag travelled as {@code topicSynFlag}; that key is still accepted on input.
 */
public record TopicConfig(
        String topicName,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        TopicFilterType topicFilterType,
        @JSONField(alternateNames = {"topicSynFlag"}) int topicSysFlag,
        boolean order,
        Map<String, String> attributes) {

    public TopicConfig {
        attributes = Immutables.map(attributes);
    }
}
