package io.namesrv.namesrv.http;

/**
 * The operations HTTP endpoint's settings, bound from the {@code -c} file like the other config
 * beans. Read once at start: none of them is tunable at runtime.
 */
public class HttpConfig {

    public static final int DEFAULT_PORT = 9877;

    private boolean httpEnable = true;
    private int httpListenPort = DEFAULT_PORT;
    private String httpBindAddress = "0.0.0.0";
    private int httpConsoleSampleSeconds = 10;

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
        this.httpListenPort = httpListenPort;
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
}
