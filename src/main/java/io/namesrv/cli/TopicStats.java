package io.namesrv.cli;

import java.util.Map;

/**
 * A broker's GET_TOPIC_STATS_INFO (202) answer: each queue's offsets and last store time, keyed
 * by the queue as a JSON object (fastjson's form, which fastjson2 reads), and the topic's put TPS.
 */
record TopicStats(Map<MessageQueue, Offsets> offsetTable, double topicPutTps) {

    /** A queue's lowest and next offset, and when its newest message was stored (0: never). */
    record Offsets(long minOffset, long maxOffset, long lastUpdateTimestamp) {
    }
}
