package io.namesrv.namesrv.routeinfo;

/** Why a broker left the live table; logged with every removal and counted by metrics. */
public enum RemovalCause {
    /** No heartbeat within the broker's timeout. */
    EXPIRED("expired"),
    /** The broker's connection closed. */
    CHANNEL_CLOSED("closed"),
    /** The broker's connection failed with an exception. */
    CHANNEL_FAILED("failed"),
    /** The broker's connection was idle past serverChannelMaxIdleTimeSeconds. */
    CHANNEL_IDLE("idle"),
    /** The broker said it is leaving (UNREGISTER_BROKER). */
    UNREGISTERED("unregistered"),
    /** A relayed entry whose peer name servers no longer know the broker directly. */
    WITHDRAWN("withdrawn");

    private final String label;

    RemovalCause(String label) {
        this.label = label;
    }

    /** A short lower-case name, stable for logs and metric labels. */
    public String label() {
        return label;
    }
}
