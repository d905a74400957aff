package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** WIPE_WRITE_PERM_OF_BROKER request. */
public record WipeWritePermOfBrokerRequestHeader(String brokerName) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static WipeWritePermOfBrokerRequestHeader decode(Map<String, String> ext) {
        return new WipeWritePermOfBrokerRequestHeader(
                ExtFields.string(ext, "brokerName"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "brokerName", brokerName);
    }
}
