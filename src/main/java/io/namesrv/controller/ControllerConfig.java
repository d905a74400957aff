package io.namesrv.controller;

import java.io.File;

/**
 * The embedded controller's settings: Apache 5.3.3's {@code ControllerConfig} and
 * {@code JraftConfig} keys with their defaults, bound from the same {@code -c} file as the name
 * server (a key both have, such as {@code scanNotActiveBrokerInterval}, sets both, as in Apache's
 * embedded mode). Fields an UPDATE_CONTROLLER_CONFIG may change are volatile.
 */
public class ControllerConfig {

    public static final String JRAFT = "jRaft";

    /** Apache's default; only {@code jRaft} starts (see {@link #runsOnJRaft()}). */
    private String controllerType = "DLedger";
    private String jRaftGroupId = "jRaft-Controller";
    /** This node's Raft address, one of {@code jRaftInitConf}. */
    private String jRaftServerId = "localhost:9880";
    /** Every node's Raft address, comma separated. */
    private String jRaftInitConf = "localhost:9880,localhost:9881,localhost:9882";
    /** Every node's controller port, in the order of {@code jRaftInitConf}. */
    private String jRaftControllerRPCAddr = "localhost:9770,localhost:9771,localhost:9772";
    private int jRaftElectionTimeoutMs = 1000;
    private int jRaftSnapshotIntervalSecs = 3600;
    /** How long a controller-started election waits for its Raft commit. */
    private int jRaftScanWaitTimeoutMs = 1000;
    /** Raft log, meta and snapshots, in {@code log}, {@code raft_meta}, {@code snapshot}. */
    private String controllerStorePath = userHome("DLedgerController");
    private int controllerThreadPoolNums = 16;
    private int controllerRequestThreadPoolQueueCapacity = 50000;
    /** Shared with the name server's key of the same name, as in Apache's embedded mode. */
    private long scanNotActiveBrokerInterval = 5000;
    private long scanInactiveMasterInterval = 5000;
    private volatile boolean enableElectUncleanMaster = false;
    private volatile boolean notifyBrokerRoleChanged = true;
    private volatile int electMasterMaxRetryCount = 3;
    private String configBlackList = "configBlackList;configStorePath";
    private String configStorePath = userHome("controller", "controller.properties");
    private String rocketmqHome = System.getProperty("rocketmq.home.dir", System.getenv("ROCKETMQ_HOME"));
    /** DLedger's; accepted, no effect: reads here always confirm leadership (Raft read index). */
    private boolean processReadEvent = false;
    /** DLedger's; accepted, no effect. */
    private int mappedFileSize = 1073741824;
    /** DLedger's; with {@code controllerType=DLedger} the controller refuses to start. */
    private String controllerDLegerGroup = null;
    private String controllerDLegerPeers = null;
    private String controllerDLegerSelfId = null;
    /** Apache's OpenTelemetry exporter keys: accepted, no effect; the figures are on /metrics. */
    private String metricsExporterType = "DISABLE";
    private String metricsGrpcExporterTarget = "";
    private String metricsGrpcExporterHeader = "";
    private long metricGrpcExporterTimeOutInMills = 3000;
    private long metricGrpcExporterIntervalInMills = 60000;
    private long metricLoggingExporterIntervalInMills = 10000;
    private int metricsPromExporterPort = 5557;
    private String metricsPromExporterHost = "";
    private String metricsLabel = "";
    private boolean metricsInDelta = false;

    private static String userHome(String... parts) {
        return System.getProperty("user.home") + File.separator + String.join(File.separator, parts);
    }

    /** {@code controllerType=jRaft} (any case, as Apache compares it). */
    public boolean runsOnJRaft() {
        return JRAFT.equalsIgnoreCase(controllerType);
    }

    public String getControllerType() {
        return controllerType;
    }

    public void setControllerType(String controllerType) {
        this.controllerType = controllerType;
    }

    public String getjRaftGroupId() {
        return jRaftGroupId;
    }

    public void setjRaftGroupId(String jRaftGroupId) {
        this.jRaftGroupId = jRaftGroupId;
    }

    public String getjRaftServerId() {
        return jRaftServerId;
    }

    public void setjRaftServerId(String jRaftServerId) {
        this.jRaftServerId = jRaftServerId;
    }

    public String getjRaftInitConf() {
        return jRaftInitConf;
    }

    public void setjRaftInitConf(String jRaftInitConf) {
        this.jRaftInitConf = jRaftInitConf;
    }

    public String getjRaftControllerRPCAddr() {
        return jRaftControllerRPCAddr;
    }

    public void setjRaftControllerRPCAddr(String jRaftControllerRPCAddr) {
        this.jRaftControllerRPCAddr = jRaftControllerRPCAddr;
    }

    public int getjRaftElectionTimeoutMs() {
        return jRaftElectionTimeoutMs;
    }

    public void setjRaftElectionTimeoutMs(int jRaftElectionTimeoutMs) {
        this.jRaftElectionTimeoutMs = jRaftElectionTimeoutMs;
    }

    public int getjRaftSnapshotIntervalSecs() {
        return jRaftSnapshotIntervalSecs;
    }

    public void setjRaftSnapshotIntervalSecs(int jRaftSnapshotIntervalSecs) {
        this.jRaftSnapshotIntervalSecs = jRaftSnapshotIntervalSecs;
    }

    public int getjRaftScanWaitTimeoutMs() {
        return jRaftScanWaitTimeoutMs;
    }

    public void setjRaftScanWaitTimeoutMs(int jRaftScanWaitTimeoutMs) {
        this.jRaftScanWaitTimeoutMs = jRaftScanWaitTimeoutMs;
    }

    public String getControllerStorePath() {
        return controllerStorePath;
    }

    public void setControllerStorePath(String controllerStorePath) {
        this.controllerStorePath = controllerStorePath;
    }

    public int getControllerThreadPoolNums() {
        return controllerThreadPoolNums;
    }

    public void setControllerThreadPoolNums(int controllerThreadPoolNums) {
        this.controllerThreadPoolNums = controllerThreadPoolNums;
    }

    public int getControllerRequestThreadPoolQueueCapacity() {
        return controllerRequestThreadPoolQueueCapacity;
    }

    public void setControllerRequestThreadPoolQueueCapacity(int controllerRequestThreadPoolQueueCapacity) {
        this.controllerRequestThreadPoolQueueCapacity = controllerRequestThreadPoolQueueCapacity;
    }

    public long getScanNotActiveBrokerInterval() {
        return scanNotActiveBrokerInterval;
    }

    public void setScanNotActiveBrokerInterval(long scanNotActiveBrokerInterval) {
        this.scanNotActiveBrokerInterval = scanNotActiveBrokerInterval;
    }

    public long getScanInactiveMasterInterval() {
        return scanInactiveMasterInterval;
    }

    public void setScanInactiveMasterInterval(long scanInactiveMasterInterval) {
        this.scanInactiveMasterInterval = scanInactiveMasterInterval;
    }

    public boolean isEnableElectUncleanMaster() {
        return enableElectUncleanMaster;
    }

    public void setEnableElectUncleanMaster(boolean enableElectUncleanMaster) {
        this.enableElectUncleanMaster = enableElectUncleanMaster;
    }

    public boolean isNotifyBrokerRoleChanged() {
        return notifyBrokerRoleChanged;
    }

    public void setNotifyBrokerRoleChanged(boolean notifyBrokerRoleChanged) {
        this.notifyBrokerRoleChanged = notifyBrokerRoleChanged;
    }

    public int getElectMasterMaxRetryCount() {
        return electMasterMaxRetryCount;
    }

    public void setElectMasterMaxRetryCount(int electMasterMaxRetryCount) {
        this.electMasterMaxRetryCount = electMasterMaxRetryCount;
    }

    public String getConfigBlackList() {
        return configBlackList;
    }

    public void setConfigBlackList(String configBlackList) {
        this.configBlackList = configBlackList;
    }

    public String getConfigStorePath() {
        return configStorePath;
    }

    public void setConfigStorePath(String configStorePath) {
        this.configStorePath = configStorePath;
    }

    public String getRocketmqHome() {
        return rocketmqHome;
    }

    public void setRocketmqHome(String rocketmqHome) {
        this.rocketmqHome = rocketmqHome;
    }

    public boolean isProcessReadEvent() {
        return processReadEvent;
    }

    public void setProcessReadEvent(boolean processReadEvent) {
        this.processReadEvent = processReadEvent;
    }

    public int getMappedFileSize() {
        return mappedFileSize;
    }

    public void setMappedFileSize(int mappedFileSize) {
        this.mappedFileSize = mappedFileSize;
    }

    public String getControllerDLegerGroup() {
        return controllerDLegerGroup;
    }

    public void setControllerDLegerGroup(String controllerDLegerGroup) {
        this.controllerDLegerGroup = controllerDLegerGroup;
    }

    public String getControllerDLegerPeers() {
        return controllerDLegerPeers;
    }

    public void setControllerDLegerPeers(String controllerDLegerPeers) {
        this.controllerDLegerPeers = controllerDLegerPeers;
    }

    public String getControllerDLegerSelfId() {
        return controllerDLegerSelfId;
    }

    public void setControllerDLegerSelfId(String controllerDLegerSelfId) {
        this.controllerDLegerSelfId = controllerDLegerSelfId;
    }

    public String getMetricsExporterType() {
        return metricsExporterType;
    }

    public void setMetricsExporterType(String metricsExporterType) {
        this.metricsExporterType = metricsExporterType;
    }

    public String getMetricsGrpcExporterTarget() {
        return metricsGrpcExporterTarget;
    }

    public void setMetricsGrpcExporterTarget(String metricsGrpcExporterTarget) {
        this.metricsGrpcExporterTarget = metricsGrpcExporterTarget;
    }

    public String getMetricsGrpcExporterHeader() {
        return metricsGrpcExporterHeader;
    }

    public void setMetricsGrpcExporterHeader(String metricsGrpcExporterHeader) {
        this.metricsGrpcExporterHeader = metricsGrpcExporterHeader;
    }

    public long getMetricGrpcExporterTimeOutInMills() {
        return metricGrpcExporterTimeOutInMills;
    }

    public void setMetricGrpcExporterTimeOutInMills(long metricGrpcExporterTimeOutInMills) {
        this.metricGrpcExporterTimeOutInMills = metricGrpcExporterTimeOutInMills;
    }

    public long getMetricGrpcExporterIntervalInMills() {
        return metricGrpcExporterIntervalInMills;
    }

    public void setMetricGrpcExporterIntervalInMills(long metricGrpcExporterIntervalInMills) {
        this.metricGrpcExporterIntervalInMills = metricGrpcExporterIntervalInMills;
    }

    public long getMetricLoggingExporterIntervalInMills() {
        return metricLoggingExporterIntervalInMills;
    }

    public void setMetricLoggingExporterIntervalInMills(long metricLoggingExporterIntervalInMills) {
        this.metricLoggingExporterIntervalInMills = metricLoggingExporterIntervalInMills;
    }

    public int getMetricsPromExporterPort() {
        return metricsPromExporterPort;
    }

    public void setMetricsPromExporterPort(int metricsPromExporterPort) {
        this.metricsPromExporterPort = metricsPromExporterPort;
    }

    public String getMetricsPromExporterHost() {
        return metricsPromExporterHost;
    }

    public void setMetricsPromExporterHost(String metricsPromExporterHost) {
        this.metricsPromExporterHost = metricsPromExporterHost;
    }

    public String getMetricsLabel() {
        return metricsLabel;
    }

    public void setMetricsLabel(String metricsLabel) {
        this.metricsLabel = metricsLabel;
    }

    public boolean isMetricsInDelta() {
        return metricsInDelta;
    }

    public void setMetricsInDelta(boolean metricsInDelta) {
        this.metricsInDelta = metricsInDelta;
    }

}
