package io.namesrv.namesrv.hardening;

import io.namesrv.namesrv.NamesrvConfig;
import io.namesrv.namesrv.NamesrvController;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.http.HttpConfig;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.protocol.SerializeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/** The whole daemon (controller, processors, Netty server) in this JVM on a free loopback port. */
final class InProcessNameServer implements AutoCloseable {

    private final NamesrvController controller;

    private InProcessNameServer(NamesrvController controller) {
        this.controller = controller;
    }

    static InProcessNameServer start(Path dir) throws InterruptedException {
        return start(dir, c -> { }, n -> { });
    }

    static InProcessNameServer start(Path dir, Consumer<NamesrvConfig> namesrv, Consumer<NettyServerConfig> netty)
            throws InterruptedException {
        return start(dir, namesrv, netty, HttpConfig.disabled(), c -> { });
    }

    /**
     * With the operations HTTP endpoint on a free loopback port, and {@code beforeStart} run on
     * the initialized controller before it starts.
     */
    static InProcessNameServer startWithHttp(Path dir, Consumer<NamesrvController> beforeStart) throws InterruptedException {
        HttpConfig http = new HttpConfig();
        http.setHttpListenPort(0);
        http.setHttpBindAddress("127.0.0.1");
        return start(dir, c -> { }, n -> { }, http, beforeStart);
    }

    private static InProcessNameServer start(Path dir, Consumer<NamesrvConfig> namesrv, Consumer<NettyServerConfig> netty,
                                             HttpConfig http, Consumer<NamesrvController> beforeStart)
            throws InterruptedException {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome(dir.toString());
        config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        config.setConfigStorePath(dir.resolve("namesrv.properties").toString());
        namesrv.accept(config);
        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress("127.0.0.1");
        server.setListenPort(0);
        netty.accept(server);
        NamesrvConfiguration configuration = new NamesrvConfiguration(Path.of(config.getConfigStorePath()),
            new Properties(), key -> false, List.of(config, server));
        NamesrvController controller = new NamesrvController(config, server, configuration,
            new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), ServerTls.disabled(), http);
        if (!controller.initialize()) {
            throw new IllegalStateException("controller did not initialize");
        }
        beforeStart.accept(controller);
        try {
            controller.start();
        } catch (InterruptedException | RuntimeException e) {
            controller.shutdown();
            throw e;
        }
        return new InProcessNameServer(controller);
    }

    int port() {
        return controller.listenPort();
    }

    /** The operations HTTP port; -1 without the endpoint. */
    int httpPort() {
        return controller.httpPort();
    }

    NamesrvController controller() {
        return controller;
    }

    @Override
    public void close() {
        controller.shutdown();
    }
}
