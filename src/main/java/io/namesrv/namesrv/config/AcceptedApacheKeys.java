package io.namesrv.namesrv.config;

import java.util.Set;
import java.util.TreeSet;

/**
 * Keys Apache's name server accepts in its {@code -c} file that no config bean of ours binds, so
 * that an Apache {@code namesrv.properties} starts ours unchanged. They are accepted and have no
 * effect (docs/configuration.md says so); any other unknown key is refused.
 *
 * <p>{@link #NETTY_CLIENT}: Apache 5.x binds the {@code -c} file to the name server's own remoting
 * client (NettyClientConfig), which only sends NOTIFY_MIN_BROKER_ID_CHANGE and cluster-test
 * lookups. Ours keeps its client settings fixed. (The embedded controller's keys are bound by its
 * own config bean, see DaemonConfig.)
 */
public final class AcceptedApacheKeys {

    public static final Set<String> NETTY_CLIENT = Set.of(
        "channelNotActiveInterval", "clientAsyncSemaphoreValue", "clientCallbackExecutorThreads",
        "clientChannelMaxIdleTimeSeconds", "clientCloseSocketIfTimeout", "clientOnewaySemaphoreValue",
        "clientPooledByteBufAllocatorEnable", "clientSocketRcvBufSize", "clientSocketSndBufSize", "clientWorkerThreads",
        "connectTimeoutMillis", "disableCallbackExecutor", "disableNettyWorkerGroup", "enableReconnectForGoAway",
        "maxReconnectIntervalTimeSeconds", "scanAvailableNameSrv", "socksProxyConfig", "useTLS",
        "writeBufferHighWaterMark", "writeBufferLowWaterMark");

    private AcceptedApacheKeys() {
    }

    public static Set<String> all() {
        return new TreeSet<>(NETTY_CLIENT);
    }
}
