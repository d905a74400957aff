package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** WIPE_WRITE_PERM_OF_BROKER response: how many topics lost write permission. */
public record WipeWritePermOfBrokerResponseHeader(Integer wipeTopicCount) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static WipeWritePermOfBrokerResponseHeader decode(Map<String, String> ext) {
        return new WipeWritePermOfBrokerResponseHeader(
                ExtFields.intValue(ext, "wipeTopicCount"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "wipeTopicCount", wipeTopicCount);
    }
}
