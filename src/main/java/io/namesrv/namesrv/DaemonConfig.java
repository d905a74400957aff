package io.namesrv.namesrv;

import io.namesrv.controller.ControllerConfig;
import io.namesrv.namesrv.address.AddressServiceConfig;
import io.namesrv.namesrv.auth.AuthConfig;
import io.namesrv.namesrv.http.HttpConfig;
import io.namesrv.namesrv.peers.PeersConfig;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyServerConfig;
import java.util.List;

/**
 * The daemon's config beans, one of each, and the lists of them that binding the {@code -c} file
 * and the unknown-key check ({@link #beansWithController()}), {@code -p} and GET_NAMESRV_CONFIG
 * (319, {@link #beans()}) and the documentation test use: a bean added to the lists brings its
 * keys to every one of them.
 */
public final class DaemonConfig {

    static final int DEFAULT_PORT = 9876;

    private final NamesrvConfig namesrv = new NamesrvConfig();
    private final NettyServerConfig netty = new NettyServerConfig();
    private final HttpConfig http = new HttpConfig();
    private final AddressServiceConfig address = new AddressServiceConfig();
    private final LimitsConfig limits = new LimitsConfig();
    private final PeersConfig peers = new PeersConfig();
    /** The name server's own client, which sends NOTIFY_MIN_BROKER_ID_CHANGE (Apache's NettyClientConfig). */
    private final NettyClientConfig client = new NettyClientConfig();
    private final AuthConfig auth = new AuthConfig();
    /** The embedded controller's keys: known and bound always, shown only when it runs. */
    private final ControllerConfig controller = new ControllerConfig();

    public DaemonConfig() {
        // Apache's name server sets 9876 before reading -c (NettyServerConfig's own default is 0).
        netty.setListenPort(DEFAULT_PORT);
    }

    /** Every config bean, in binding order; for a key two beans share, the later one is shown. */
    public List<Object> beans() {
        return List.of(namesrv, netty, client, http, address, limits, peers, auth);
    }

    /**
     * {@link #beans()} and the embedded controller's: what the {@code -c} file may hold, and what
     * {@code -p} prints when the controller runs. Not in {@link #beans()}: keys both share
     * ({@code scanNotActiveBrokerInterval}, ...) would show the controller's value in the name
     * server's config dump.
     */
    public List<Object> beansWithController() {
        return List.of(namesrv, netty, client, http, address, limits, peers, auth, controller);
    }

    public ControllerConfig controller() {
        return controller;
    }

    /** Settings whose default is another setting's value, filled in once the file is bound. */
    void resolveDefaults() {
        http.followBindAddress(netty.getBindAddress());
        peers.followKvConfigPath(namesrv.getKvConfigPath());
    }

    public NamesrvConfig namesrv() {
        return namesrv;
    }

    public NettyServerConfig netty() {
        return netty;
    }

    public NettyClientConfig client() {
        return client;
    }

    public HttpConfig http() {
        return http;
    }

    public PeersConfig peers() {
        return peers;
    }

    public AddressServiceConfig address() {
        return address;
    }

    public LimitsConfig limits() {
        return limits;
    }

    public AuthConfig auth() {
        return auth;
    }
}
