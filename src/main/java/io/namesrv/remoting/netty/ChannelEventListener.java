package io.namesrv.remoting.netty;

import io.netty.channel.Channel;

/** Connection life-cycle events, delivered on the server's own event thread, in order. */
public interface ChannelEventListener {

    void onChannelConnect(String remoteAddr, Channel channel);

    void onChannelClose(String remoteAddr, Channel channel);

    void onChannelException(String remoteAddr, Channel channel);

    void onChannelIdle(String remoteAddr, Channel channel);
}
