package io.namesrv.cli.support;

import io.namesrv.namesrv.NamesrvConfig;
import io.namesrv.namesrv.NamesrvController;
import io.namesrv.namesrv.auth.AclSettings;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.config.RuntimeTunableKeys;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.protocol.SerializeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Our name server in this JVM on a free 127.0.0.1 port, with its files under {@code dir}. */
public final class InProcessNameServer implements AutoCloseable {

    private final NamesrvController controller;

    private InProcessNameServer(NamesrvController controller) {
        this.controller = controller;
    }

    public static InProcessNameServer start(Path dir) throws InterruptedException {
        return start(dir, null);
    }

    /** With {@code acl} non-null, state-changing requests must be signed with its keys. */
    public static InProcessNameServer start(Path dir, AclSettings acl) throws InterruptedException {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome(dir.toString());
        config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        config.setConfigStorePath(dir.resolve("namesrv.properties").toString());
        NettyServerConfig netty = new NettyServerConfig();
        netty.setBindAddress("127.0.0.1");
        netty.setListenPort(0);
        netty.setServerWorkerThreads(2);
        netty.setServerSelectorThreads(1);
        NamesrvConfiguration configuration = new NamesrvConfiguration(Path.of(config.getConfigStorePath()),
            new Properties(), RuntimeTunableKeys.allowed(RuntimeTunableKeys.NAMESRV, config::getConfigBlackList),
            List.of(config, netty));
        NamesrvController controller = new NamesrvController(config, netty, configuration,
            new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), ServerTls.disabled(), acl);
        if (!controller.initialize()) {
            throw new IllegalStateException("name server did not initialize in " + dir);
        }
        controller.start();
        return new InProcessNameServer(controller);
    }

    public String address() {
        return "127.0.0.1:" + controller.listenPort();
    }

    @Override
    public void close() {
        controller.shutdown();
    }
}
