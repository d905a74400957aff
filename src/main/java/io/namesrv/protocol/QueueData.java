package io.namesrv.protocol;

import com.alibaba.fastjson2.annotation.JSONField;
import java.util.Objects;

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

    /**
     * Spelled out because it runs for every topic of every registration (10,000 per call for a big
     * broker) and the generated record equals is a slower indirect call chain.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof QueueData q && perm == q.perm && readQueueNums == q.readQueueNums
            && writeQueueNums == q.writeQueueNums && topicSysFlag == q.topicSysFlag
            && Objects.equals(brokerName, q.brokerName);
    }

    @Override
    public int hashCode() {
        int h = brokerName == null ? 0 : brokerName.hashCode();
        h = 31 * h + perm;
        h = 31 * h + readQueueNums;
        h = 31 * h + topicSysFlag;
        return 31 * h + writeQueueNums;
    }

    public QueueData withPerm(int newPerm) {
        return new QueueData(brokerName, newPerm, readQueueNums, topicSysFlag, writeQueueNums);
    }
}
