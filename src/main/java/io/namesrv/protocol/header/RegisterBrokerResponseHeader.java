package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;

import java.util.Map;

/** REGISTER_BROKER response: the master's addresses, set only for a slave whose master is alive. */
public record RegisterBrokerResponseHeader(String haServerAddr, String masterAddr) implements CommandCustomHeader {

    /** Reads the header from {@code extFields}; a missing or unparsable value is null (or the primitive's default). */
    public static RegisterBrokerResponseHeader decode(Map<String, String> ext) {
        return new RegisterBrokerResponseHeader(
                ExtFields.string(ext, "haServerAddr"),
                ExtFields.string(ext, "masterAddr"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "haServerAddr", haServerAddr);
        ExtFields.put(ext, "masterAddr", masterAddr);
    }
}
