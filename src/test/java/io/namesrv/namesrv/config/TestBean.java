package io.namesrv.namesrv.config;

/** A bean with every bindable type, standing in for beans written elsewhere (NettyServerConfig). */
public class TestBean {
    private int listenPort = 9876;
    private Integer boxedInt;
    private long timeoutMillis = 3000;
    private Long boxedLong;
    private double ratio = 0.5;
    private float weight = 1.5f;
    private boolean enabled;
    private Boolean boxedFlag;
    private String name = "default";
    private Object notBindable;

    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    public Integer getBoxedInt() {
        return boxedInt;
    }

    public void setBoxedInt(Integer boxedInt) {
        this.boxedInt = boxedInt;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("negative timeout");
        }
        this.timeoutMillis = timeoutMillis;
    }

    public Long getBoxedLong() {
        return boxedLong;
    }

    public void setBoxedLong(Long boxedLong) {
        this.boxedLong = boxedLong;
    }

    public double getRatio() {
        return ratio;
    }

    public void setRatio(double ratio) {
        this.ratio = ratio;
    }

    public float getWeight() {
        return weight;
    }

    public void setWeight(float weight) {
        this.weight = weight;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Boolean getBoxedFlag() {
        return boxedFlag;
    }

    public void setBoxedFlag(Boolean boxedFlag) {
        this.boxedFlag = boxedFlag;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Object getNotBindable() {
        return notBindable;
    }

    public void setNotBindable(Object notBindable) {
        this.notBindable = notBindable;
    }
}
