package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** ADD_WRITE_PERM_OF_BROKER response: how many topics got write permission back. */
public record AddWritePermOfBrokerResponseHeader(Integer addTopicCount) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static AddWritePermOfBrokerResponseHeader decode(Map<String, String> ext) {
        return new AddWritePermOfBrokerResponseHeader(
                ExtFields.intValue(ext, "addTopicCount"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "addTopicCount", addTopicCount);
    }
}
