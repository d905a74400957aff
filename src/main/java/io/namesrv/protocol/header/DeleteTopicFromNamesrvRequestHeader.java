package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** DELETE_TOPIC_IN_NAMESRV request; without {@code clusterName} the topic goes everywhere. */
public record DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static DeleteTopicFromNamesrvRequestHeader decode(Map<String, String> ext) {
        return new DeleteTopicFromNamesrvRequestHeader(
                ExtFields.string(ext, "topic"),
                ExtFields.string(ext, "clusterName"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "topic", topic);
        ExtFields.put(ext, "clusterName", clusterName);
    }
}
