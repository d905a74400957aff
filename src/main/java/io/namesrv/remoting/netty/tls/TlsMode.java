package io.namesrv.remoting.netty.tls;

/** How the server treats TLS: refuse it, accept both TLS and plain, or require it. */
public enum TlsMode {
    DISABLED, PERMISSIVE, ENFORCING;

    /** Parses {@code tls.server.mode}; like Apache, anything unknown means permissive. */
    public static TlsMode parse(String name) {
        if (name != null) {
            for (TlsMode mode : values()) {
                if (mode.name().equalsIgnoreCase(name.trim())) {
                    return mode;
                }
            }
        }
        return PERMISSIVE;
    }
}
