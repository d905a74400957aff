package io.namesrv.controller;

import io.namesrv.common.LoggerNames;
import io.namesrv.controller.liveness.BrokerLiveness;
import io.namesrv.controller.raft.ControllerRaftNode;
import io.namesrv.controller.raft.RaftRoleListener;
import io.namesrv.controller.raft.RaftSettings;
import io.namesrv.controller.state.BrokerGroup;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.netty.ChannelEventListener;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller a name server runs with {@code enableControllerInNamesrv=true}: a sofa-jraft
 * node, its own remoting port (an entry of {@code jRaftControllerRPCAddr}), its own threads
 * (request executor, scan thread, notify and forward threads, a client) and its own locks. It
 * shares nothing with the route table, so no controller trouble (no quorum, a slow disk) can
 * slow a route lookup or a registration.
 */
public final class EmbeddedController {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.CONTROLLER);

    private final ControllerConfig config;
    private final RaftSettings raftSettings;
    private final NettyServerConfig serverConfig;
    private final WireIdentity identity;
    private final ServerTls tls;
    private final RuntimeConfig runtimeConfig;
    private final BrokerLiveness liveness = new BrokerLiveness(System::currentTimeMillis);
    private final ControllerRaftNode raft;
    private volatile boolean leaderReady;

    private ThreadPoolExecutor requestExecutor;
    private ScheduledExecutorService scheduler;
    private NettyRemotingClient client;
    private NettyRemotingServer server;
    private RoleChangeNotifier notifier;
    private HeartbeatForwarder forwarder;

    /**
     * @param serverConfig the controller port's settings (the name server's, with the port of this
     *                     node's {@code jRaftControllerRPCAddr} entry)
     */
    public EmbeddedController(ControllerConfig config, NettyServerConfig serverConfig, WireIdentity identity,
                              ServerTls tls, RuntimeConfig runtimeConfig) {
        this.config = config;
        this.raftSettings = raftSettings(config);
        this.serverConfig = serverConfig;
        this.identity = identity;
        this.tls = tls;
        this.runtimeConfig = runtimeConfig;
        this.raft = new ControllerRaftNode(raftSettings, new RaftRoleListener() {
            @Override
            public void onBecameLeader(long term) {
                leaderReady = true;
            }

            @Override
            public void onLostLeadership() {
                leaderReady = false;
            }
        });
    }

    /**
     * Checks the configuration and returns the Raft settings; a wrong one is refused with one line
     * ({@link IllegalArgumentException}) before anything starts.
     */
    public static RaftSettings raftSettings(ControllerConfig config) {
        if (!config.runsOnJRaft()) {
            throw new IllegalArgumentException("controllerType=" + config.getControllerType() + " is not supported:"
                + " this name server's controller runs on sofa-jraft; set controllerType=jRaft with jRaftGroupId,"
                + " jRaftServerId, jRaftInitConf and jRaftControllerRPCAddr (docs/operations.md)");
        }
        return new RaftSettings(config.getjRaftGroupId(), config.getjRaftServerId().trim(), split(config.getjRaftInitConf()),
            split(config.getjRaftControllerRPCAddr()), config.getjRaftElectionTimeoutMs(),
            config.getjRaftSnapshotIntervalSecs(), Path.of(config.getControllerStorePath()));
    }

    private static List<String> split(String addresses) {
        List<String> list = new ArrayList<>();
        Arrays.stream(addresses == null ? new String[0] : addresses.split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
        return list;
    }

    /** The port number of this node's controller address. */
    public static int controllerPort(ControllerConfig config) {
        String self = raftSettings(config).selfControllerAddress();
        return Integer.parseInt(self.substring(self.lastIndexOf(':') + 1));
    }

    /** Starts Raft, then the controller port and the scans. Throws when either cannot start. */
    public void start() throws InterruptedException {
        raft.start();
        requestExecutor = new ThreadPoolExecutor(config.getControllerThreadPoolNums(), config.getControllerThreadPoolNums(),
            60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(config.getControllerRequestThreadPoolQueueCapacity()),
            new NamedThreadFactory("ControllerRequestExecutorThread_", true, 1));
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("ControllerScanThread", true, 1));
        NettyClientConfig clientConfig = new NettyClientConfig();
        clientConfig.setConnectTimeoutMillis(1000);
        client = new NettyRemotingClient(clientConfig, identity);
        notifier = new RoleChangeNotifier(client);
        forwarder = new HeartbeatForwarder(client, raftSettings.selfControllerAddress(), raftSettings.controllerAddresses());
        Proposer proposer = new Proposer(raft, liveness, notifier, config, () -> leaderReady);
        MasterWatch watch = new MasterWatch(raft, liveness, proposer, config, scheduler, System::currentTimeMillis,
            PortProbe.tcp());
        server = new NettyRemotingServer(serverConfig, new ConnectionWatcher(watch), identity, tls);
        server.registerDefaultProcessor(new ControllerRequestProcessor(raft, liveness, proposer, forwarder, config,
            runtimeConfig), requestExecutor);
        server.start();
        watch.start();
        LOG.info("controller started: Raft {} in group {} of {}, controller port {}, store {}",
            raftSettings.selfRaftAddress(), raftSettings.groupId(), raftSettings.raftAddresses(), server.localPort(),
            raftSettings.storePath());
    }

    /** Channel closes on the controller port tell liveness a broker's connection went away. */
    private final class ConnectionWatcher implements ChannelEventListener {
        private final MasterWatch watch;

        ConnectionWatcher(MasterWatch watch) {
            this.watch = watch;
        }

        @Override
        public void onChannelConnect(String remoteAddr, Channel channel) {
        }

        @Override
        public void onChannelClose(String remoteAddr, Channel channel) {
            watch.connectionLost(liveness.onChannelClosed(channel));
        }

        @Override
        public void onChannelException(String remoteAddr, Channel channel) {
            watch.connectionLost(liveness.onChannelClosed(channel));
        }

        @Override
        public void onChannelIdle(String remoteAddr, Channel channel) {
        }
    }

    public int listenPort() {
        return server == null ? -1 : server.localPort();
    }

    /** This node's role, the leader, the term and every group as applied here. */
    public ControllerStatus status() {
        String leader = raft.leaderControllerAddress();
        String role = raft.isLeader() ? "leader" : leader == null ? "none" : "follower";
        List<ControllerStatus.Group> groups = new ArrayList<>();
        for (BrokerGroup g : raft.localState().groups().values()) {
            groups.add(new ControllerStatus.Group(g.clusterName(), g.brokerName(), g.masterBrokerId(), g.masterAddress(),
                g.masterEpoch(), g.syncStateSetEpoch(), List.copyOf(g.syncStateSet()), List.copyOf(g.replicas().keySet())));
        }
        return new ControllerStatus(role, raftSettings.selfControllerAddress(), leader, raft.stateMachine().term(),
            raft.stateMachine().appliedIndex(), raft.stateMachine().snapshotsLoaded(), liveness.size(), groups);
    }

    /** Stops the port first (no new requests), then the threads, then Raft. */
    public void shutdown() {
        if (server != null) {
            server.shutdown();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (requestExecutor != null) {
            requestExecutor.shutdownNow();
        }
        if (notifier != null) {
            notifier.shutdown();
        }
        if (forwarder != null) {
            forwarder.shutdown();
        }
        if (client != null) {
            client.close();
        }
        raft.shutdown();
    }
}
