package io.namesrv.protocol;

import java.util.Map;

/** A static topic's (RIP-21) queue mapping as one broker reports it. */
public record TopicQueueMappingInfo(
        String bname,
        Map<Integer, Integer> currIdMap,
        boolean dirty,
        long epoch,
        String scope,
        String topic,
        int totalQueues) {

    public TopicQueueMappingInfo {
        currIdMap = Immutables.map(currIdMap);
    }
}
