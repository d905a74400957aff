package io.namesrv.protocol;

import com.alibaba.fastjson2.annotation.JSONField;

/**
 * One broker's queues for a topic. Before 4.9.0 the flag travelled as {@code topicSynFlag}; that
 * key is still accepted on input.
 */
public record QueueData(
        String brokerName,
        int perm,
        int readQueueNums,
        @JSONField(alternateNames = {"topicSynFlag"}) int topicSysFlag,
        int writeQueueNums) {

    public QueueData withPerm(int newPerm) {
        return new QueueData(brokerName, newPerm, readQueueNums, topicSysFlag, writeQueueNums);
    }
}
