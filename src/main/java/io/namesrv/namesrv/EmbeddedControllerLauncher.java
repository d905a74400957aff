package io.namesrv.namesrv;

import io.namesrv.controller.ControllerConfig;
import io.namesrv.controller.EmbeddedController;
import io.namesrv.controller.RuntimeConfig;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.config.RuntimeTunableKeys;
import io.namesrv.namesrv.config.UpdateResult;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Builds the embedded controller from the name server's {@code -c} file (Apache's
 * {@code controllerManagerMain}): the controller port gets the name server's network settings
 * with the port of this node's {@code jRaftControllerRPCAddr} entry; GET/UPDATE_CONTROLLER_CONFIG
 * see the controller's keys, of which only the ones read afresh at each use may change at run time.
 */
final class EmbeddedControllerLauncher {

    /** Read at each election or push, so a runtime change takes effect at once. */
    static final Set<String> RUNTIME_TUNABLE = Set.of("enableElectUncleanMaster", "notifyBrokerRoleChanged",
        "electMasterMaxRetryCount");

    private EmbeddedControllerLauncher() {
    }

    /**
     * The controller, built but not started; an unusable configuration (DLedger type, this node
     * missing from {@code jRaftInitConf}, ...) is refused with one line.
     */
    static EmbeddedController build(ControllerConfig config, NettyServerConfig namesrvNetty, Properties fileProperties,
                                    Path namesrvConfigStore, WireIdentity identity, ServerTls tls) {
        NettyServerConfig serverConfig = namesrvNetty.clone();
        serverConfig.setListenPort(EmbeddedController.controllerPort(config));
        // Sharing the name server's file would let one's runtime update overwrite the other's keys.
        Path store = Path.of(config.getConfigStorePath());
        if (store.toAbsolutePath().equals(namesrvConfigStore.toAbsolutePath())) {
            store = Path.of(config.getControllerStorePath(), "controller.properties");
        }
        NamesrvConfiguration configuration = new NamesrvConfiguration(store, fileProperties,
            RuntimeTunableKeys.allowed(RUNTIME_TUNABLE, config::getConfigBlackList), List.of(config));
        RuntimeConfig runtime = new RuntimeConfig() {
            @Override
            public String dump() {
                return configuration.dump();
            }

            @Override
            public Update update(byte[] body) {
                UpdateResult result = configuration.update(body);
                return new Update(result.code(), result.remark());
            }
        };
        return new EmbeddedController(config, serverConfig, identity, tls, runtime);
    }
}
