package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import io.netty.channel.Channel;

/**
 * What the name server knows of one live broker process. {@code generation} is unique to this
 * registration: removals (unregister, channel close, expiry) name the generation they saw and
 * do nothing if the broker has registered again since (no stale-unregister race). {@code origin}
 * says whether the broker registered here or the entry is provisional (restored or relayed).
 */
final class BrokerLiveInfo {

    private volatile long lastUpdateTimestamp;
    private final long heartbeatTimeoutMillis;
    private final DataVersion dataVersion;
    private final Channel channel;
    private final String haServerAddr;
    private final long generation;
    private final BrokerOrigin origin;

    BrokerLiveInfo(long lastUpdateTimestamp, long heartbeatTimeoutMillis, DataVersion dataVersion, Channel channel,
                   String haServerAddr, long generation, BrokerOrigin origin) {
        this.lastUpdateTimestamp = lastUpdateTimestamp;
        this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
        this.dataVersion = dataVersion;
        this.channel = channel;
        this.haServerAddr = haServerAddr;
        this.generation = generation;
        this.origin = origin;
    }

    long lastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }

    void touch(long now) {
        lastUpdateTimestamp = now;
    }

    long heartbeatTimeoutMillis() {
        return heartbeatTimeoutMillis;
    }

    DataVersion dataVersion() {
        return dataVersion;
    }

    Channel channel() {
        return channel;
    }

    String haServerAddr() {
        return haServerAddr;
    }

    long generation() {
        return generation;
    }

    BrokerOrigin origin() {
        return origin;
    }

    boolean isDirect() {
        return origin == BrokerOrigin.DIRECT;
    }

    boolean expiredAt(long now) {
        return lastUpdateTimestamp + heartbeatTimeoutMillis < now;
    }
}
