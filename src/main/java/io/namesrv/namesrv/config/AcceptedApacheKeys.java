package io.namesrv.namesrv.config;

import java.util.Set;
import java.util.TreeSet;

/**
 * Keys Apache's name server accepts in its {@code -c} file that no config bean of ours binds, so
 * that an Apache {@code namesrv.properties} starts ours unchanged. They are accepted and have no
 * effect (docs/configuration.md says so per group); any other unknown key is refused.
 *
 * <ul>
 *   <li>{@link #NETTY_CLIENT}: Apache 5.x binds the {@code -c} file to the name server's own
 *       remoting client (NettyClientConfig), which only sends NOTIFY_MIN_BROKER_ID_CHANGE and
 *       cluster-test lookups. Ours keeps its client settings fixed.</li>
 *   <li>{@link #CONTROLLER}: the embedded controller's keys (Apache 5.3.3-5.5.1 ControllerConfig
 *       and JraftConfig, apache-5.5-delta.md §C), read by Apache only with
 *       {@code enableControllerInNamesrv=true}. A controller config bean bound from the same file
 *       makes them known by its own setters too.</li>
 * </ul>
 */
public final class AcceptedApacheKeys {

    public static final Set<String> NETTY_CLIENT = Set.of(
        "channelNotActiveInterval", "clientAsyncSemaphoreValue", "clientCallbackExecutorThreads",
        "clientChannelMaxIdleTimeSeconds", "clientCloseSocketIfTimeout", "clientOnewaySemaphoreValue",
        "clientPooledByteBufAllocatorEnable", "clientSocketRcvBufSize", "clientSocketSndBufSize", "clientWorkerThreads",
        "connectTimeoutMillis", "disableCallbackExecutor", "disableNettyWorkerGroup", "enableReconnectForGoAway",
        "maxReconnectIntervalTimeSeconds", "scanAvailableNameSrv", "socksProxyConfig", "useTLS",
        "writeBufferHighWaterMark", "writeBufferLowWaterMark");

    public static final Set<String> CONTROLLER = Set.of(
        "configBlackList", "configStorePath", "controllerDLegerGroup", "controllerDLegerPeers", "controllerDLegerSelfId",
        "controllerRequestThreadPoolQueueCapacity", "controllerStorePath", "controllerThreadPoolNums", "controllerType",
        "electMasterMaxRetryCount", "enableElectUncleanMaster", "mappedFileSize", "metricGrpcExporterIntervalInMills",
        "metricGrpcExporterTimeOutInMills", "metricLoggingExporterIntervalInMills", "metricsExporterType",
        "metricsGrpcExporterHeader", "metricsGrpcExporterTarget", "metricsInDelta", "metricsLabel",
        "metricsPromExporterHost", "metricsPromExporterPort", "notifyBrokerRoleChanged", "processReadEvent",
        "rocketmqHome", "scanInactiveMasterInterval", "scanNotActiveBrokerInterval",
        "jRaftControllerRPCAddr", "jRaftElectionTimeoutMs", "jRaftGroupId", "jRaftInitConf", "jRaftScanWaitTimeoutMs",
        "jRaftServerId", "jRaftSnapshotIntervalSecs");

    private AcceptedApacheKeys() {
    }

    public static Set<String> all() {
        Set<String> all = new TreeSet<>(NETTY_CLIENT);
        all.addAll(CONTROLLER);
        return all;
    }
}
