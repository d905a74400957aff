package io.namesrv.remoting.netty;

/** Client settings with Apache's keys and defaults. */
public class NettyClientConfig {

    private int clientWorkerThreads = 4;
    private int connectTimeoutMillis = 3000;
    private int clientChannelMaxIdleTimeSeconds = 120;
    /** Most calls awaiting an answer at once (Apache's async semaphore default); more fail at once. */
    private int clientMaxPendingRequests = 65535;
    private boolean useTLS = Boolean.parseBoolean(System.getProperty("tls.enable", "false"));

    /** Threads for codec and response handling; 0 runs them on the selector thread. */
    public int getClientWorkerThreads() {
        return clientWorkerThreads;
    }

    public void setClientWorkerThreads(int clientWorkerThreads) {
        this.clientWorkerThreads = clientWorkerThreads;
    }

    public int getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public void setConnectTimeoutMillis(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public int getClientChannelMaxIdleTimeSeconds() {
        return clientChannelMaxIdleTimeSeconds;
    }

    public void setClientChannelMaxIdleTimeSeconds(int clientChannelMaxIdleTimeSeconds) {
        this.clientChannelMaxIdleTimeSeconds = clientChannelMaxIdleTimeSeconds;
    }

    public boolean isUseTLS() {
        return useTLS;
    }

    public void setUseTLS(boolean useTLS) {
        this.useTLS = useTLS;
    }

    public int getClientMaxPendingRequests() {
        return clientMaxPendingRequests;
    }

    public void setClientMaxPendingRequests(int clientMaxPendingRequests) {
        this.clientMaxPendingRequests = clientMaxPendingRequests;
    }
}
