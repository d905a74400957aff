package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** GET_TOPICS_BY_CLUSTER request. */
public record GetTopicsByClusterRequestHeader(String cluster) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static GetTopicsByClusterRequestHeader decode(Map<String, String> ext) {
        return new GetTopicsByClusterRequestHeader(
                ExtFields.string(ext, "cluster"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "cluster", cluster);
    }
}
