package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import io.netty.channel.Channel;

/**
 * What the name server knows of one live broker process. {@code generation} is unique to this
 * registration: removals (unregister, channel close, expiry) name the generation they saw and
 * do nothing if the broker has registered again since (no stale-unregister race).
 */
final class BrokerLiveInfo {

    private volatile long lastUpdateTimestamp;
    private final long heartbeatTimeoutMillis;
    private final DataVersion dataVersion;
    private final Channel channel;
    private final String haServerAddr;
    private final long generation;

    BrokerLiveInfo(long lastUpdateTimestamp, long heartbeatTimeoutMillis, DataVersion dataVersion, Channel channel,
                   String haServerAddr, long generation) {
        this.lastUpdateTimestamp = lastUpdateTimestamp;
        this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
        this.dataVersion = dataVersion;
        this.channel = channel;
        this.haServerAddr = haServerAddr;
        this.generation = generation;
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

    boolean expiredAt(long now) {
        return lastUpdateTimestamp + heartbeatTimeoutMillis < now;
    }
}
