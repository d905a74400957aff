package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.ExtFields;
import io.namesrv.remoting.protocol.RequestCode;

import java.util.Map;

/**
 * NOTIFY_MIN_BROKER_ID_CHANGE request, name server to broker: the smallest broker id of the
 * receiver's group and its address, plus the member that went offline (after a removal) or the
 * registering member's HA address (after a registration). Apache's class also has a
 * {@code brokerName}, which its name server never sets; so is ours.
 */
public record NotifyMinBrokerIdChangeRequestHeader(
        Long minBrokerId,
        String brokerName,
        String minBrokerAddr,
        String offlineBrokerAddr,
        String haBrokerAddr) implements CommandCustomHeader {

    /** The request code this header goes with. */
    public static final int CODE = RequestCode.NOTIFY_MIN_BROKER_ID_CHANGE;

    /** Reads the header from {@code extFields}; a missing or unparsable value is null. */
    public static NotifyMinBrokerIdChangeRequestHeader decode(Map<String, String> ext) {
        return new NotifyMinBrokerIdChangeRequestHeader(
                ExtFields.longValue(ext, "minBrokerId"),
                ExtFields.string(ext, "brokerName"),
                ExtFields.string(ext, "minBrokerAddr"),
                ExtFields.string(ext, "offlineBrokerAddr"),
                ExtFields.string(ext, "haBrokerAddr"));
    }

    @Override
    public void writeTo(Map<String, String> ext) {
        ExtFields.put(ext, "minBrokerId", minBrokerId);
        ExtFields.put(ext, "brokerName", brokerName);
        ExtFields.put(ext, "minBrokerAddr", minBrokerAddr);
        ExtFields.put(ext, "offlineBrokerAddr", offlineBrokerAddr);
        ExtFields.put(ext, "haBrokerAddr", haBrokerAddr);
    }
}
