package io.namesrv.controller.raft;

import com.alipay.sofa.jraft.Node;
import com.alipay.sofa.jraft.RaftGroupService;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.closure.ReadIndexClosure;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.entity.Task;
import com.alipay.sofa.jraft.option.NodeOptions;
import com.alipay.sofa.jraft.rpc.RaftRpcServerFactory;
import com.alipay.sofa.jraft.rpc.RpcServer;
import io.namesrv.controller.state.Command;
import io.namesrv.controller.state.ControllerState;
import io.namesrv.controller.state.Outcome;
import io.namesrv.controller.state.StateCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One member of the controllers' Raft group (sofa-jraft): its own Bolt RPC port for Raft, a
 * RocksDB log, meta and snapshots under the store path ({@code log}, {@code raft_meta},
 * {@code snapshot}, as Apache lays them out). Writes are proposed as log entries and answered
 * once applied; reads confirm leadership with a Raft read index first, so a deposed leader
 * cannot answer from stale state. Nothing here waits for jRaft's node lock: jRaft holds it
 * while it writes the term and vote to disk, and a slow disk would then hold up every request.
 */
public final class ControllerRaftNode {

    static {
        // Bolt's logging library tries to configure its own logback and prints a stack trace when
        // it cannot (it expects logback 1.2): log through our slf4j/logback set-up instead.
        if (System.getProperty("sofa.middleware.log.disable") == null) {
            System.setProperty("sofa.middleware.log.disable", "true");
        }
    }

    private final RaftSettings settings;
    private final ControllerStateMachine stateMachine;
    private RaftGroupService service;
    private Node node;

    public ControllerRaftNode(RaftSettings settings, RaftRoleListener roleListener) {
        this.settings = settings;
        this.stateMachine = new ControllerStateMachine(roleListener, settings.selfRaftAddress());
    }

    /** Starts the node; it takes part in elections at once. Throws when it cannot start. */
    public void start() {
        PeerId self = peer(settings.selfRaftAddress());
        Configuration conf = new Configuration();
        for (String address : settings.raftAddresses()) {
            conf.addPeer(peer(address));
        }
        NodeOptions options = new NodeOptions();
        options.setElectionTimeoutMs(settings.electionTimeoutMillis());
        options.setSnapshotIntervalSecs(settings.snapshotIntervalSecs());
        options.setInitialConf(conf);
        options.setFsm(stateMachine);
        try {
            for (String dir : List.of("log", "raft_meta", "snapshot")) {
                Files.createDirectories(settings.storePath().resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the controller store under " + settings.storePath(), e);
        }
        options.setLogUri(settings.storePath().resolve("log").toString());
        options.setRaftMetaUri(settings.storePath().resolve("raft_meta").toString());
        options.setSnapshotUri(settings.storePath().resolve("snapshot").toString());
        RpcServer rpcServer = RaftRpcServerFactory.createRaftRpcServer(self.getEndpoint());
        service = new RaftGroupService(settings.groupId(), self, options, rpcServer);
        node = service.start();
        if (node == null) {
            service.shutdown();
            throw new IllegalStateException("the controller's Raft node did not start (see the log): group "
                + settings.groupId() + ", Raft address " + settings.selfRaftAddress() + ", store " + settings.storePath());
        }
    }

    private static PeerId peer(String address) {
        PeerId peer = new PeerId();
        if (!peer.parse(address.trim())) {
            throw new IllegalArgumentException("not a Raft address (host:port): " + address);
        }
        return peer;
    }

    /** Proposes a command; completes with its outcome once committed and applied, or fails with {@link NotLeaderException}. */
    public CompletableFuture<Outcome> propose(Command command) {
        ProposalClosure closure = new ProposalClosure();
        Node current = node;
        if (current == null || !current.isLeader(false)) {
            closure.future().completeExceptionally(new NotLeaderException("not the controller leader"));
            return closure.future();
        }
        Task task = new Task();
        task.setData(ByteBuffer.wrap(StateCodec.encode(command)));
        task.setDone(closure);
        // refused if the term moved on since we learned we lead: no entry of a past term is proposed
        task.setExpectedTerm(stateMachine.term());
        current.apply(task);
        return closure.future();
    }

    /** Completes with the state once this node confirmed it still leads (linearizable read). */
    public CompletableFuture<ControllerState> readState() {
        CompletableFuture<ControllerState> future = new CompletableFuture<>();
        Node current = node;
        if (current == null || !current.isLeader(false)) {
            future.completeExceptionally(new NotLeaderException("not the controller leader"));
            return future;
        }
        current.readIndex(new byte[0], new ReadIndexClosure() {
            @Override
            public void run(Status status, long index, byte[] reqCtx) {
                if (status.isOk()) {
                    future.complete(stateMachine.state());
                } else {
                    future.completeExceptionally(new NotLeaderException("read index failed: " + status));
                }
            }
        });
        return future;
    }

    /** Whether this node leads now (jRaft's volatile state, read without its lock). */
    public boolean isLeader() {
        Node current = node;
        return current != null && current.isLeader(false);
    }

    /** The leader's Raft address, or null while there is none (an election is going on, or no quorum). */
    public String leaderRaftAddress() {
        return node == null ? null : stateMachine.leaderRaftAddress();
    }

    /** The leader's controller port address, or null. */
    public String leaderControllerAddress() {
        String leader = leaderRaftAddress();
        return leader == null ? null : settings.controllerAddressOf(leader);
    }

    /** Apache's {@code peers} form: {@code raftAddress:controllerAddress;} for each node. */
    public String peersDescription() {
        return settings.raftAddresses().stream()
            .map(a -> a + ":" + settings.controllerAddressOf(a) + ";")
            .collect(Collectors.joining());
    }

    public RaftSettings settings() {
        return settings;
    }

    public ControllerStateMachine stateMachine() {
        return stateMachine;
    }

    /** The current state as applied here (possibly behind the leader's: for status pages, not answers). */
    public ControllerState localState() {
        return stateMachine.state();
    }

    /** Takes a snapshot now (for tests and operators), waiting up to the timeout. */
    public boolean snapshotNow(long timeoutMillis) throws InterruptedException {
        Node current = node;
        if (current == null) {
            return false;
        }
        CompletableFuture<Status> done = new CompletableFuture<>();
        current.snapshot(done::complete);
        try {
            return done.get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS).isOk();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    public void shutdown() {
        if (service != null) {
            service.shutdown();
            try {
                service.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            service = null;
            node = null;
        }
    }
}
