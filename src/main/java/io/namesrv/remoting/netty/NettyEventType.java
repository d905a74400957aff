package io.namesrv.remoting.netty;

/** The kinds of connection events a {@link ChannelEventListener} hears about. */
public enum NettyEventType {
    CONNECT, CLOSE, IDLE, EXCEPTION
}
