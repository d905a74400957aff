package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import io.namesrv.remoting.protocol.RequestCode;

import java.util.Map;

/**
 * GET_BROKER_CLUSTER_INFO request. Apache's has no fields; {@code directOnly} is ours: a peer name
 * server sets it to see only the brokers that registered with the answering server themselves
 * (not restored or relayed ones). Apache's server ignores the field and answers its whole table,
 * which is all direct: it neither restores nor relays.
 */
public record GetBrokerClusterInfoRequestHeader(Boolean directOnly) implements CommandCustomHeader {

    /** The request code this header goes with. */
    public static final int CODE = RequestCode.GET_BROKER_CLUSTER_INFO;

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static GetBrokerClusterInfoRequestHeader decode(Map<String, String> ext) {
        return new GetBrokerClusterInfoRequestHeader(ExtFields.booleanValue(ext, "directOnly"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "directOnly", directOnly);
    }
}
