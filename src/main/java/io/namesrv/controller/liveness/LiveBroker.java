package io.namesrv.controller.liveness;

import io.netty.channel.Channel;

/**
 * The last heartbeat heard from one broker, directly or forwarded by another controller.
 *
 * @param channel        the broker's own connection to this controller; null when only forwarded
 *                       heartbeats were heard
 * @param connectionLost the moment that connection closed with no heartbeat since, or 0
 */
public record LiveBroker(String brokerAddr, long lastUpdateMillis, long heartbeatTimeoutMillis, Channel channel,
                         int epoch, long maxOffset, long confirmOffset, int electionPriority, long connectionLost) {
}
