package io.namesrv.namesrv;

import io.namesrv.namesrv.processor.ClientRequestSettings;
import io.namesrv.namesrv.processor.DefaultRequestSettings;
import java.io.File;

/**
 * The name server's own settings, with Apache's keys and defaults (spec 1.4) except that the
 * inactive-broker scan runs every 10 s. Bound from {@code -c} by property name through the public
 * setters. Fields that UPDATE_NAMESRV_CONFIG may change while the server runs are volatile, so
 * request threads see a change without further locking. The processors see it through their
 * narrow settings views.
 */
public class NamesrvConfig implements ClientRequestSettings, DefaultRequestSettings {

    /** The expiry scan takes the route table's lock: more often than this would only burn CPU. */
    public static final long MIN_SCAN_INTERVAL_MILLIS = 100;

    private String rocketmqHome = System.getProperty("rocketmq.home.dir", System.getenv("ROCKETMQ_HOME"));
    private String kvConfigPath = userHomeFile("kvConfig.json");
    private String configStorePath = userHomeFile("namesrv.properties");
    private String productEnvName = "center";
    private boolean clusterTest = false;
    private volatile boolean orderMessageEnable = false;
    private volatile boolean returnOrderTopicConfigToBroker = true;
    private int clientRequestThreadPoolNums = 8;
    private int defaultThreadPoolNums = 16;
    private int clientRequestThreadPoolQueueCapacity = 50000;
    private int defaultThreadPoolQueueCapacity = 10000;
    /** Our default is 10 s (the design card); Apache 5.x uses 5 s. */
    private long scanNotActiveBrokerInterval = 10 * 1000;
    private int unRegisterBrokerQueueCapacity = 3000;
    private volatile boolean supportActingMaster = false;
    private volatile boolean enableAllTopicList = true;
    private volatile boolean enableTopicList = true;
    private volatile boolean notifyMinBrokerIdChanged = false;
    private boolean enableControllerInNamesrv = false;
    private volatile boolean needWaitForService = false;
    private int waitSecondsForService = 45;
    private volatile boolean deleteTopicWithBrokerRegistration = false;
    private String configBlackList = "configBlackList;configStorePath;kvConfigPath";

    private static String userHomeFile(String name) {
        return System.getProperty("user.home") + File.separator + "namesrv" + File.separator + name;
    }

    public String getRocketmqHome() {
        return rocketmqHome;
    }

    public void setRocketmqHome(String rocketmqHome) {
        this.rocketmqHome = rocketmqHome;
    }

    public String getKvConfigPath() {
        return kvConfigPath;
    }

    public void setKvConfigPath(String kvConfigPath) {
        this.kvConfigPath = kvConfigPath;
    }

    public String getConfigStorePath() {
        return configStorePath;
    }

    public void setConfigStorePath(String configStorePath) {
        this.configStorePath = configStorePath;
    }

    public String getProductEnvName() {
        return productEnvName;
    }

    public void setProductEnvName(String productEnvName) {
        this.productEnvName = productEnvName;
    }

    public boolean isClusterTest() {
        return clusterTest;
    }

    public void setClusterTest(boolean clusterTest) {
        this.clusterTest = clusterTest;
    }

    @Override
    public boolean isOrderMessageEnable() {
        return orderMessageEnable;
    }

    public void setOrderMessageEnable(boolean orderMessageEnable) {
        this.orderMessageEnable = orderMessageEnable;
    }

    @Override
    public boolean isReturnOrderTopicConfigToBroker() {
        return returnOrderTopicConfigToBroker;
    }

    public void setReturnOrderTopicConfigToBroker(boolean returnOrderTopicConfigToBroker) {
        this.returnOrderTopicConfigToBroker = returnOrderTopicConfigToBroker;
    }

    public int getClientRequestThreadPoolNums() {
        return clientRequestThreadPoolNums;
    }

    public void setClientRequestThreadPoolNums(int clientRequestThreadPoolNums) {
        if (clientRequestThreadPoolNums < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.clientRequestThreadPoolNums = clientRequestThreadPoolNums;
    }

    public int getDefaultThreadPoolNums() {
        return defaultThreadPoolNums;
    }

    public void setDefaultThreadPoolNums(int defaultThreadPoolNums) {
        if (defaultThreadPoolNums < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.defaultThreadPoolNums = defaultThreadPoolNums;
    }

    public int getClientRequestThreadPoolQueueCapacity() {
        return clientRequestThreadPoolQueueCapacity;
    }

    public void setClientRequestThreadPoolQueueCapacity(int clientRequestThreadPoolQueueCapacity) {
        if (clientRequestThreadPoolQueueCapacity < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.clientRequestThreadPoolQueueCapacity = clientRequestThreadPoolQueueCapacity;
    }

    public int getDefaultThreadPoolQueueCapacity() {
        return defaultThreadPoolQueueCapacity;
    }

    public void setDefaultThreadPoolQueueCapacity(int defaultThreadPoolQueueCapacity) {
        if (defaultThreadPoolQueueCapacity < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.defaultThreadPoolQueueCapacity = defaultThreadPoolQueueCapacity;
    }

    public long getScanNotActiveBrokerInterval() {
        return scanNotActiveBrokerInterval;
    }

    public void setScanNotActiveBrokerInterval(long scanNotActiveBrokerInterval) {
        if (scanNotActiveBrokerInterval < MIN_SCAN_INTERVAL_MILLIS) {
            throw new IllegalArgumentException("must be at least " + MIN_SCAN_INTERVAL_MILLIS + " (ms)");
        }
        this.scanNotActiveBrokerInterval = scanNotActiveBrokerInterval;
    }

    public int getUnRegisterBrokerQueueCapacity() {
        return unRegisterBrokerQueueCapacity;
    }

    public void setUnRegisterBrokerQueueCapacity(int unRegisterBrokerQueueCapacity) {
        if (unRegisterBrokerQueueCapacity < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        this.unRegisterBrokerQueueCapacity = unRegisterBrokerQueueCapacity;
    }

    public boolean isSupportActingMaster() {
        return supportActingMaster;
    }

    public void setSupportActingMaster(boolean supportActingMaster) {
        this.supportActingMaster = supportActingMaster;
    }

    @Override
    public boolean isEnableAllTopicList() {
        return enableAllTopicList;
    }

    public void setEnableAllTopicList(boolean enableAllTopicList) {
        this.enableAllTopicList = enableAllTopicList;
    }

    @Override
    public boolean isEnableTopicList() {
        return enableTopicList;
    }

    public void setEnableTopicList(boolean enableTopicList) {
        this.enableTopicList = enableTopicList;
    }

    public boolean isNotifyMinBrokerIdChanged() {
        return notifyMinBrokerIdChanged;
    }

    public void setNotifyMinBrokerIdChanged(boolean notifyMinBrokerIdChanged) {
        this.notifyMinBrokerIdChanged = notifyMinBrokerIdChanged;
    }

    public boolean isEnableControllerInNamesrv() {
        return enableControllerInNamesrv;
    }

    public void setEnableControllerInNamesrv(boolean enableControllerInNamesrv) {
        this.enableControllerInNamesrv = enableControllerInNamesrv;
    }

    public boolean isNeedWaitForService() {
        return needWaitForService;
    }

    public void setNeedWaitForService(boolean needWaitForService) {
        this.needWaitForService = needWaitForService;
    }

    public int getWaitSecondsForService() {
        return waitSecondsForService;
    }

    public void setWaitSecondsForService(int waitSecondsForService) {
        if (waitSecondsForService < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        this.waitSecondsForService = waitSecondsForService;
    }

    public boolean isDeleteTopicWithBrokerRegistration() {
        return deleteTopicWithBrokerRegistration;
    }

    public void setDeleteTopicWithBrokerRegistration(boolean deleteTopicWithBrokerRegistration) {
        this.deleteTopicWithBrokerRegistration = deleteTopicWithBrokerRegistration;
    }

    public String getConfigBlackList() {
        return configBlackList;
    }

    public void setConfigBlackList(String configBlackList) {
        this.configBlackList = configBlackList;
    }

}
