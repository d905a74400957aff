package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** GET_TOPIC_STATS_INFO request (202); the name server does not serve it, mqadmin sends it to brokers. */
public record GetTopicStatsInfoRequestHeader(String topic) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing value is null. */
    public static GetTopicStatsInfoRequestHeader decode(Map<String, String> ext) {
        return new GetTopicStatsInfoRequestHeader(ExtFields.string(ext, "topic"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "topic", topic);
    }
}
