package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** ADD_WRITE_PERM_OF_BROKER request. */
public record AddWritePermOfBrokerRequestHeader(String brokerName) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static AddWritePermOfBrokerRequestHeader decode(Map<String, String> ext) {
        return new AddWritePermOfBrokerRequestHeader(
                ExtFields.string(ext, "brokerName"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "brokerName", brokerName);
    }
}
