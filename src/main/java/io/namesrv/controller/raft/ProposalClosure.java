package io.namesrv.controller.raft;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Status;
import io.namesrv.controller.state.Outcome;
import java.util.concurrent.CompletableFuture;

/**
 * Carries one proposed command's result from jRaft's apply thread back to the proposer: the
 * state machine sets the outcome, jRaft then runs the closure (OK once committed and applied,
 * an error when the entry could not be committed, e.g. leadership was lost).
 */
final class ProposalClosure implements Closure {

    private final CompletableFuture<Outcome> future = new CompletableFuture<>();
    private volatile Outcome outcome;

    void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    CompletableFuture<Outcome> future() {
        return future;
    }

    @Override
    public void run(Status status) {
        if (status.isOk() && outcome != null) {
            future.complete(outcome);
        } else {
            future.completeExceptionally(new NotLeaderException("not committed: " + status));
        }
    }
}
