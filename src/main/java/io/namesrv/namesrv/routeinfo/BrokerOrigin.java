package io.namesrv.namesrv.routeinfo;

/**
 * Where the route table learned of a live broker. Only {@link #DIRECT} state comes from the
 * broker itself; the others are <em>provisional</em>: served in routes like any other, but they
 * never override a direct registration, do not count the broker's heartbeats, and go away at
 * their timeout unless the broker registers here itself.
 */
public enum BrokerOrigin {
    /** The broker registered with this name server. */
    DIRECT("direct"),
    /** Restored at start-up, from the route snapshot or from a peer name server. */
    RESTORED("restored"),
    /** Relayed from a peer name server that knows the broker directly (healing, opt-in). */
    RELAYED("relayed");

    private final String label;

    BrokerOrigin(String label) {
        this.label = label;
    }

    /** True for state the broker did not give this name server itself. */
    public boolean provisional() {
        return this != DIRECT;
    }

    /** A short lower-case name, stable for logs, metric labels and JSON. */
    public String label() {
        return label;
    }

    /** The origin with this label, or null. */
    public static BrokerOrigin ofLabel(String label) {
        for (BrokerOrigin o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        return null;
    }
}
