package io.namesrv.namesrv.routeinfo;

import io.namesrv.remoting.netty.ChannelEventListener;
import io.netty.channel.Channel;

/** A broker's connection closed, failed or idled out: drop exactly the broker that owned it. */
public class BrokerHousekeepingService implements ChannelEventListener {

    private final RouteInfoManager routeInfoManager;

    public BrokerHousekeepingService(RouteInfoManager routeInfoManager) {
        this.routeInfoManager = routeInfoManager;
    }

    @Override
    public void onChannelConnect(String remoteAddr, Channel channel) {
        // A new connection tells us nothing until it registers.
    }

    @Override
    public void onChannelClose(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(channel, RemovalCause.CHANNEL_CLOSED);
    }

    @Override
    public void onChannelException(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(channel, RemovalCause.CHANNEL_FAILED);
    }

    @Override
    public void onChannelIdle(String remoteAddr, Channel channel) {
        routeInfoManager.onChannelDestroy(channel, RemovalCause.CHANNEL_IDLE);
    }
}
