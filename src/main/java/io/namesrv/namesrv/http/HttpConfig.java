package io.namesrv.namesrv.http;

/**
 * The operations HTTP endpoint's settings, bound from the {@code -c} file like the other config
 * beans. Read once at start: none of them is tunable at runtime.
 */
public class HttpConfig {

    public static final int DEFAULT_PORT = 9877;

    private boolean httpEnable = true;
    private int httpListenPort = DEFAULT_PORT;
    /** Null until bound: the name server then uses its own {@code bindAddress} (DaemonConfig). */
    private String httpBindAddress;
    private int httpConsoleSampleSeconds = 10;
    /** Beyond it a new connection is closed at once: slowloris or a flood cannot take every descriptor. */
    private int httpMaxConnections = 256;
    /** A whole request must arrive within this of the connection opening or the previous answer. */
    private int httpRequestTimeoutMillis = 20_000;
    /** An answer must be taken by the client within this, or the connection is closed. */
    private int httpAnswerTimeoutMillis = 30_000;

    /** Settings with the endpoint switched off (embedded controllers, tests). */
    public static HttpConfig disabled() {
        HttpConfig config = new HttpConfig();
        config.setHttpEnable(false);
        return config;
    }

    public boolean isHttpEnable() {
        return httpEnable;
    }

    public void setHttpEnable(boolean httpEnable) {
        this.httpEnable = httpEnable;
    }

    public int getHttpListenPort() {
        return httpListenPort;
    }

    /** 0 picks a free port (the log says which). */
    public void setHttpListenPort(int httpListenPort) {
        if (httpListenPort < 0 || httpListenPort > 65535) {
            throw new IllegalArgumentException("must be a port, 0 to 65535 (0: any free port)");
        }
        this.httpListenPort = httpListenPort;
    }

    /**
     * Unless {@code httpBindAddress} was set, the endpoint listens where the remoting port does:
     * {@code bindAddress=127.0.0.1} keeps both local (a separate default of 0.0.0.0 exposed the
     * endpoint on every interface of a server its operator had kept local).
     */
    public void followBindAddress(String remotingBindAddress) {
        if (httpBindAddress == null || httpBindAddress.isBlank()) {
            httpBindAddress = remotingBindAddress;
        }
    }

    public String getHttpBindAddress() {
        return httpBindAddress;
    }

    public void setHttpBindAddress(String httpBindAddress) {
        this.httpBindAddress = httpBindAddress;
    }

    public int getHttpConsoleSampleSeconds() {
        return httpConsoleSampleSeconds;
    }

    /** How often the status console samples its charts (1-60 s); it keeps 360 samples, an hour at 10 s. */
    public void setHttpConsoleSampleSeconds(int seconds) {
        if (seconds < 1 || seconds > 60) {
            throw new IllegalArgumentException("httpConsoleSampleSeconds must be 1 to 60, not " + seconds);
        }
        this.httpConsoleSampleSeconds = seconds;
    }

    public int getHttpMaxConnections() {
        return httpMaxConnections;
    }

    public void setHttpMaxConnections(int httpMaxConnections) {
        this.httpMaxConnections = atLeastOne(httpMaxConnections);
    }

    public int getHttpRequestTimeoutMillis() {
        return httpRequestTimeoutMillis;
    }

    public void setHttpRequestTimeoutMillis(int httpRequestTimeoutMillis) {
        this.httpRequestTimeoutMillis = atLeastOne(httpRequestTimeoutMillis);
    }

    public int getHttpAnswerTimeoutMillis() {
        return httpAnswerTimeoutMillis;
    }

    public void setHttpAnswerTimeoutMillis(int httpAnswerTimeoutMillis) {
        this.httpAnswerTimeoutMillis = atLeastOne(httpAnswerTimeoutMillis);
    }

    private static int atLeastOne(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return value;
    }
}
