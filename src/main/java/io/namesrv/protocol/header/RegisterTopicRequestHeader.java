package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** REGISTER_TOPIC_IN_NAMESRV request (5.x). */
public record RegisterTopicRequestHeader(String topic) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static RegisterTopicRequestHeader decode(Map<String, String> ext) {
        return new RegisterTopicRequestHeader(
                ExtFields.string(ext, "topic"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "topic", topic);
    }
}
