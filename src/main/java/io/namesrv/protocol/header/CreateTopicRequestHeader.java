package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/**
 * UPDATE_AND_CREATE_TOPIC request (17); the name server does not serve it, mqadmin sends it to
 * brokers. {@code topicFilterType} is the enum's name; {@code attributes} Apache's
 * {@code +key=value,-key} text ({@code ""} for none). {@code order} and {@code force} default to
 * false when absent, as in Apache's header class.
 */
public record CreateTopicRequestHeader(
        String topic,
        String defaultTopic,
        Integer readQueueNums,
        Integer writeQueueNums,
        Integer perm,
        String topicFilterType,
        Integer topicSysFlag,
        Boolean order,
        String attributes,
        Boolean force) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or Apache's default). */
    public static CreateTopicRequestHeader decode(Map<String, String> ext) {
        Boolean order = ExtFields.booleanValue(ext, "order");
        Boolean force = ExtFields.booleanValue(ext, "force");
        return new CreateTopicRequestHeader(
                ExtFields.string(ext, "topic"),
                ExtFields.string(ext, "defaultTopic"),
                ExtFields.intValue(ext, "readQueueNums"),
                ExtFields.intValue(ext, "writeQueueNums"),
                ExtFields.intValue(ext, "perm"),
                ExtFields.string(ext, "topicFilterType"),
                ExtFields.intValue(ext, "topicSysFlag"),
                order == null ? Boolean.FALSE : order,
                ExtFields.string(ext, "attributes"),
                force == null ? Boolean.FALSE : force);
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "topic", topic);
        ExtFields.put(ext, "defaultTopic", defaultTopic);
        ExtFields.put(ext, "readQueueNums", readQueueNums);
        ExtFields.put(ext, "writeQueueNums", writeQueueNums);
        ExtFields.put(ext, "perm", perm);
        ExtFields.put(ext, "topicFilterType", topicFilterType);
        ExtFields.put(ext, "topicSysFlag", topicSysFlag);
        ExtFields.put(ext, "order", order);
        ExtFields.put(ext, "attributes", attributes);
        ExtFields.put(ext, "force", force);
    }
}
