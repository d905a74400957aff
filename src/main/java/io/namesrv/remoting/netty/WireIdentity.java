package io.namesrv.remoting.netty;

import io.namesrv.remoting.protocol.SerializeType;

/**
 * What this process stamps on every command it sends: its protocol version (an Apache
 * {@code MQVersion} ordinal) and the header serialization it answers in.
 */
public record WireIdentity(int version, SerializeType serializeType) {

    /** Apache RocketMQ 5.3.3's version ordinal, the release we match on the wire. */
    public static final int V5_3_3 = 479;

    public WireIdentity {
        if (serializeType == null) {
            serializeType = SerializeType.JSON;
        }
    }
}
