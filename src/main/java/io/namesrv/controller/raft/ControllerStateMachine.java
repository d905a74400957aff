package io.namesrv.controller.raft;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Iterator;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.core.StateMachineAdapter;
import com.alipay.sofa.jraft.entity.LeaderChangeContext;
import com.alipay.sofa.jraft.error.RaftError;
import com.alipay.sofa.jraft.error.RaftException;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotReader;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotWriter;
import io.namesrv.common.LoggerNames;
import io.namesrv.controller.state.Command;
import io.namesrv.controller.state.ControllerState;
import io.namesrv.controller.state.Outcome;
import io.namesrv.controller.state.StateCodec;
import io.namesrv.controller.state.StateMachine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jRaft's side of the controller state: applies committed log entries through the pure
 * {@link StateMachine}, saves and loads snapshots (one file, {@value #SNAPSHOT_FILE}, in the
 * versioned format of {@link StateCodec}), and reports role changes. The current state is one
 * immutable value behind a volatile field, so readers never block the apply thread.
 */
public final class ControllerStateMachine extends StateMachineAdapter {

    static final String SNAPSHOT_FILE = "controller-state.json";
    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.CONTROLLER);

    private final RaftRoleListener roleListener;
    private final String selfRaftAddress;
    private volatile ControllerState state = ControllerState.EMPTY;
    /**
     * The leader as the role callbacks tell it, for answers that must not wait: jRaft's own
     * getter takes the node's lock, which it holds while it writes the term and vote to disk.
     */
    private volatile String leaderRaftAddress;
    private volatile long appliedIndex;
    private volatile long term;
    private volatile long snapshotsLoaded;

    public ControllerStateMachine(RaftRoleListener roleListener, String selfRaftAddress) {
        this.roleListener = roleListener;
        this.selfRaftAddress = selfRaftAddress;
    }

    /** The leader's Raft address as last reported to this state machine, or null while none is known. */
    public String leaderRaftAddress() {
        return leaderRaftAddress;
    }

    public ControllerState state() {
        return state;
    }

    public long appliedIndex() {
        return appliedIndex;
    }

    /** The last term this node saw lead (its own or the leader's it follows). */
    public long term() {
        return term;
    }

    /** How many snapshots this node loaded since it started (at start-up, or sent by the leader). */
    public long snapshotsLoaded() {
        return snapshotsLoaded;
    }

    @Override
    public void onApply(Iterator iterator) {
        while (iterator.hasNext()) {
            Command command;
            try {
                ByteBuffer data = iterator.getData();
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                command = StateCodec.decode(bytes);
            } catch (RuntimeException e) {
                // Skipping an entry would make this replica differ from the others: stop instead.
                LOG.error("cannot decode controller log entry {}; stopping this node's state machine",
                    iterator.getIndex(), e);
                iterator.setErrorAndRollback(1, new Status(RaftError.ESTATEMACHINE, "undecodable entry: %s", e));
                return;
            }
            Outcome outcome = StateMachine.apply(state, command);
            state = outcome.state();
            appliedIndex = iterator.getIndex();
            Closure done = iterator.done();
            if (done instanceof ProposalClosure proposal) {
                proposal.setOutcome(outcome);
            }
            if (done != null) {
                done.run(Status.OK());
            }
            iterator.next();
        }
    }

    @Override
    public void onSnapshotSave(SnapshotWriter writer, Closure done) {
        byte[] bytes = StateCodec.encodeSnapshot(state);
        try {
            Path file = Path.of(writer.getPath(), SNAPSHOT_FILE);
            Path temp = Path.of(writer.getPath(), SNAPSHOT_FILE + ".tmp");
            Files.write(temp, bytes);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (writer.addFile(SNAPSHOT_FILE)) {
                done.run(Status.OK());
            } else {
                done.run(new Status(RaftError.EIO, "cannot add %s to the snapshot", SNAPSHOT_FILE));
            }
        } catch (IOException e) {
            LOG.error("controller snapshot save failed", e);
            done.run(new Status(RaftError.EIO, "snapshot save failed: %s", e));
        }
    }

    @Override
    public boolean onSnapshotLoad(SnapshotReader reader) {
        if (reader.getFileMeta(SNAPSHOT_FILE) == null) {
            LOG.error("controller snapshot in {} has no {}", reader.getPath(), SNAPSHOT_FILE);
            return false;
        }
        try {
            state = StateCodec.decodeSnapshot(Files.readAllBytes(Path.of(reader.getPath(), SNAPSHOT_FILE)));
            appliedIndex = reader.load() == null ? appliedIndex : reader.load().getLastIncludedIndex();
            snapshotsLoaded++;
            LOG.info("controller snapshot loaded from {}: {} broker groups, last index {}", reader.getPath(),
                state.groups().size(), appliedIndex);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot load controller snapshot from {}", reader.getPath(), e);
            return false;
        }
    }

    @Override
    public void onLeaderStart(long term) {
        this.term = term;
        leaderRaftAddress = selfRaftAddress;
        LOG.info("controller became Raft leader, term {}", term);
        roleListener.onBecameLeader(term);
    }

    @Override
    public void onLeaderStop(Status status) {
        leaderRaftAddress = null;
        LOG.info("controller is no longer Raft leader: {}", status);
        roleListener.onLostLeadership();
    }

    @Override
    public void onStartFollowing(LeaderChangeContext ctx) {
        this.term = ctx.getTerm();
        leaderRaftAddress = ctx.getLeaderId() == null || ctx.getLeaderId().isEmpty() ? null
            : ctx.getLeaderId().getEndpoint().toString();
        LOG.info("controller follows {} in term {}", ctx.getLeaderId(), ctx.getTerm());
    }

    @Override
    public void onStopFollowing(LeaderChangeContext ctx) {
        leaderRaftAddress = null;
        LOG.info("controller stopped following {} in term {}: {}", ctx.getLeaderId(), ctx.getTerm(), ctx.getStatus());
    }

    @Override
    public void onError(RaftException e) {
        LOG.error("controller Raft node stopped on error: {}", e.getStatus());
    }
}
