package io.namesrv.namesrv.peers;

import io.namesrv.common.NameServerAddresses;
import java.io.File;

/**
 * The keys of warm restart and peer name servers (docs/configuration.md, "Warm restart and peer
 * name servers"): ours, so kept apart from {@code NamesrvConfig}, which holds Apache's keys only.
 */
public class PeersConfig {

    /** The route snapshot and peer comparisons: more often than this would only burn CPU and disk. */
    public static final long MIN_PEERS_INTERVAL_MILLIS = 100;

    private boolean routeSnapshotEnable = true;
    /** Empty: {@code routeSnapshot.json} next to the KV file, so {@code ~/namesrv/} by default. */
    private String routeSnapshotPath = "";
    private long routeSnapshotIntervalMillis = 10_000;
    /** Other name servers of this cluster, {@code host:port;host:port} like namesrvAddr; empty: none. */
    private String namesrvPeers = "";
    private long namesrvPeerCompareIntervalMillis = 5_000;
    /** One broker registration period: shorter differences are brokers registering with each server in turn. */
    private long namesrvPeerDivergenceMillis = 30_000;
    private boolean namesrvPeerRelayEnable = false;
    private long namesrvPeerBootstrapTimeoutMillis = 10_000;

    /** The KV store's path, next to which the snapshot goes unless routeSnapshotPath says otherwise. */
    private String kvConfigPath = System.getProperty("user.home") + File.separator + "namesrv" + File.separator
        + "kvConfig.json";

    /** Set from the name server's kvConfigPath once the -c file is bound. */
    public void followKvConfigPath(String kvConfigPath) {
        this.kvConfigPath = kvConfigPath;
    }

    public boolean isRouteSnapshotEnable() {
        return routeSnapshotEnable;
    }

    public void setRouteSnapshotEnable(boolean routeSnapshotEnable) {
        this.routeSnapshotEnable = routeSnapshotEnable;
    }

    /** The snapshot file: as configured, or {@code routeSnapshot.json} next to the KV file. */
    public String getRouteSnapshotPath() {
        if (routeSnapshotPath != null && !routeSnapshotPath.isBlank()) {
            return routeSnapshotPath;
        }
        File kv = new File(kvConfigPath);
        return new File(kv.getAbsoluteFile().getParentFile(), "routeSnapshot.json").getPath();
    }

    public void setRouteSnapshotPath(String routeSnapshotPath) {
        this.routeSnapshotPath = routeSnapshotPath;
    }

    public long getRouteSnapshotIntervalMillis() {
        return routeSnapshotIntervalMillis;
    }

    public void setRouteSnapshotIntervalMillis(long routeSnapshotIntervalMillis) {
        if (routeSnapshotIntervalMillis < MIN_PEERS_INTERVAL_MILLIS) {
            throw new IllegalArgumentException("must be at least " + MIN_PEERS_INTERVAL_MILLIS + " (ms)");
        }
        this.routeSnapshotIntervalMillis = routeSnapshotIntervalMillis;
    }

    public String getNamesrvPeers() {
        return namesrvPeers;
    }

    public void setNamesrvPeers(String namesrvPeers) {
        for (String addr : NameServerAddresses.split(namesrvPeers)) {
            if (NameServerAddresses.portOf(addr) < 0) {
                throw new IllegalArgumentException("'" + addr + "' is not host:port");
            }
        }
        this.namesrvPeers = namesrvPeers;
    }

    public long getNamesrvPeerCompareIntervalMillis() {
        return namesrvPeerCompareIntervalMillis;
    }

    public void setNamesrvPeerCompareIntervalMillis(long namesrvPeerCompareIntervalMillis) {
        if (namesrvPeerCompareIntervalMillis < MIN_PEERS_INTERVAL_MILLIS) {
            throw new IllegalArgumentException("must be at least " + MIN_PEERS_INTERVAL_MILLIS + " (ms)");
        }
        this.namesrvPeerCompareIntervalMillis = namesrvPeerCompareIntervalMillis;
    }

    public long getNamesrvPeerDivergenceMillis() {
        return namesrvPeerDivergenceMillis;
    }

    public void setNamesrvPeerDivergenceMillis(long namesrvPeerDivergenceMillis) {
        if (namesrvPeerDivergenceMillis < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        this.namesrvPeerDivergenceMillis = namesrvPeerDivergenceMillis;
    }

    public boolean isNamesrvPeerRelayEnable() {
        return namesrvPeerRelayEnable;
    }

    public void setNamesrvPeerRelayEnable(boolean namesrvPeerRelayEnable) {
        this.namesrvPeerRelayEnable = namesrvPeerRelayEnable;
    }

    public long getNamesrvPeerBootstrapTimeoutMillis() {
        return namesrvPeerBootstrapTimeoutMillis;
    }

    public void setNamesrvPeerBootstrapTimeoutMillis(long namesrvPeerBootstrapTimeoutMillis) {
        if (namesrvPeerBootstrapTimeoutMillis < 1) {
            throw new IllegalArgumentException("must be at least 1 (ms)");
        }
        this.namesrvPeerBootstrapTimeoutMillis = namesrvPeerBootstrapTimeoutMillis;
    }
}
