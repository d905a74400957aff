package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** DELETE_TOPIC_IN_BROKER request; the name server does not serve it, the CLI sends it to brokers. */
public record DeleteTopicRequestHeader(String topic) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static DeleteTopicRequestHeader decode(Map<String, String> ext) {
        return new DeleteTopicRequestHeader(
                ExtFields.string(ext, "topic"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "topic", topic);
    }
}
