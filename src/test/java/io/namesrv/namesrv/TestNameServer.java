package io.namesrv.namesrv;

import io.namesrv.namesrv.address.AddressServiceConfig;
import io.namesrv.namesrv.auth.AclSettings;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.config.RuntimeTunableKeys;
import io.namesrv.namesrv.http.HttpConfig;
import io.namesrv.namesrv.peers.PeersConfig;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.protocol.SerializeType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Our whole name server (controller, processors, Netty server) in this JVM on free 127.0.0.1
 * ports, with its files under one directory: what every in-process test starts, built one way.
 */
public final class TestNameServer implements AutoCloseable {

    private final NamesrvController controller;

    private TestNameServer(NamesrvController controller) {
        this.controller = controller;
    }

    /** A started server with the defaults. */
    public static TestNameServer start(Path dir) throws InterruptedException {
        return builder(dir).start();
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    public NamesrvController controller() {
        return controller;
    }

    public int port() {
        return controller.listenPort();
    }

    /** host:port of the remoting server. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** The operations HTTP port; -1 without the endpoint. */
    public int httpPort() {
        return controller.httpPort();
    }

    @Override
    public void close() {
        controller.shutdown();
    }

    /** Tunes the configuration before the controller is built. */
    public static final class Builder {
        private final Path dir;
        private final List<Consumer<NamesrvConfig>> namesrv = new ArrayList<>();
        private final List<Consumer<NettyServerConfig>> netty = new ArrayList<>();
        private final List<Consumer<LimitsConfig>> limits = new ArrayList<>();
        private final List<Consumer<PeersConfig>> peers = new ArrayList<>();
        private HttpConfig http = HttpConfig.disabled();
        private final AddressServiceConfig address = new AddressServiceConfig();
        private AclSettings acl;
        private Consumer<NamesrvController> beforeStart = c -> { };

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder namesrv(Consumer<NamesrvConfig> tune) {
            namesrv.add(tune);
            return this;
        }

        public Builder netty(Consumer<NettyServerConfig> tune) {
            netty.add(tune);
            return this;
        }

        public Builder limits(Consumer<LimitsConfig> tune) {
            limits.add(tune);
            return this;
        }

        /** Warm restart and peer name servers (namesrvPeers, the route snapshot). */
        public Builder peers(Consumer<PeersConfig> tune) {
            peers.add(tune);
            return this;
        }

        /** With the operations HTTP endpoint, on a free loopback port. */
        public Builder withHttp() {
            http = new HttpConfig();
            http.setHttpListenPort(0);
            http.setHttpBindAddress("127.0.0.1");
            return this;
        }

        /** Tunes the operations HTTP endpoint set up by {@link #withHttp()} (call that first). */
        public Builder http(Consumer<HttpConfig> tune) {
            if (!http.isHttpEnable()) {
                throw new IllegalStateException("http(...) tunes the endpoint of withHttp(): call withHttp() first");
            }
            tune.accept(http);
            return this;
        }

        /** Tunes the address service (served on the endpoint of {@link #withHttp()}). */
        public Builder address(Consumer<AddressServiceConfig> tune) {
            tune.accept(address);
            return this;
        }

        /** With authentication: the codes {@code acl} names need a request signed with its keys. */
        public Builder acl(AclSettings acl) {
            this.acl = acl;
            return this;
        }

        /** Runs on the initialized controller just before {@link #start()} starts it. */
        public Builder beforeStart(Consumer<NamesrvController> hook) {
            this.beforeStart = hook;
            return this;
        }

        /** Built and initialized, not started. */
        public NamesrvController build() {
            NamesrvConfig config = new NamesrvConfig();
            config.setRocketmqHome(dir.toString());
            config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
            config.setConfigStorePath(dir.resolve("namesrv.properties").toString());
            namesrv.forEach(tune -> tune.accept(config));
            NettyServerConfig server = new NettyServerConfig();
            server.setBindAddress("127.0.0.1");
            server.setListenPort(0);
            netty.forEach(tune -> tune.accept(server));
            LimitsConfig limitsConfig = new LimitsConfig();
            limits.forEach(tune -> tune.accept(limitsConfig));
            PeersConfig peersConfig = new PeersConfig();
            peers.forEach(tune -> tune.accept(peersConfig));
            List<Object> beans = http.isHttpEnable() ? List.of(config, server, http, address, peersConfig)
                : List.of(config, server, peersConfig);
            NamesrvConfiguration configuration = new NamesrvConfiguration(Path.of(config.getConfigStorePath()),
                new Properties(), RuntimeTunableKeys.allowed(RuntimeTunableKeys.NAMESRV, config::getConfigBlackList),
                beans);
            NamesrvController controller = new NamesrvController(config, server, configuration,
                new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), ServerTls.disabled(), acl, http, limitsConfig,
                address, peersConfig);
            if (!controller.initialize()) {
                controller.shutdown();
                throw new IllegalStateException("name server did not initialize in " + dir);
            }
            return controller;
        }

        /** Built, initialized and listening. */
        public TestNameServer start() throws InterruptedException {
            NamesrvController controller = build();
            try {
                beforeStart.accept(controller);
                controller.start();
            } catch (InterruptedException | RuntimeException e) {
                controller.shutdown();
                throw e;
            }
            return new TestNameServer(controller);
        }
    }
}
