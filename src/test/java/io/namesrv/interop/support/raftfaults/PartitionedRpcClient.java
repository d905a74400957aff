package io.namesrv.interop.support.raftfaults;

import com.alipay.sofa.jraft.ReplicatorGroup;
import com.alipay.sofa.jraft.error.InvokeTimeoutException;
import com.alipay.sofa.jraft.error.RemotingException;
import com.alipay.sofa.jraft.option.RpcOptions;
import com.alipay.sofa.jraft.rpc.InvokeCallback;
import com.alipay.sofa.jraft.rpc.InvokeContext;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.util.Endpoint;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Raft RPC client behind a network that loses every packet between a cut-off node and the
 * rest, as a partition does: a request across the cut is never delivered and fails with
 * sofa-jraft's own timeout error once its timeout has passed (a synchronous one blocks its
 * caller that long). Connections are left as they were: a dropped link does not close the TCP
 * connections already open, so they still count as up, as they would for long after a real
 * cut. Everything else is Bolt's.
 */
final class PartitionedRpcClient implements RpcClient {

    private final RpcClient bolt;
    private final String self;
    private ScheduledExecutorService timeouts;

    PartitionedRpcClient(RpcClient bolt, String self) {
        this.bolt = bolt;
        this.self = self;
    }

    private boolean cut(Endpoint target) {
        return FaultPlan.current().cuts(self, target.toString());
    }

    @Override
    public boolean init(RpcOptions opts) {
        timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "raft-partition-timeouts");
            t.setDaemon(true);
            return t;
        });
        return bolt.init(opts);
    }

    @Override
    public void shutdown() {
        bolt.shutdown();
        if (timeouts != null) {
            timeouts.shutdownNow();
        }
    }

    @Override
    public boolean checkConnection(Endpoint endpoint) {
        return bolt.checkConnection(endpoint);
    }

    @Override
    public boolean checkConnection(Endpoint endpoint, boolean createIfAbsent) {
        return bolt.checkConnection(endpoint, createIfAbsent);
    }

    @Override
    public void closeConnection(Endpoint endpoint) {
        bolt.closeConnection(endpoint);
    }

    @Override
    public void registerConnectEventListener(ReplicatorGroup replicatorGroup) {
        bolt.registerConnectEventListener(replicatorGroup);
    }

    @Override
    public Object invokeSync(Endpoint endpoint, Object request, InvokeContext ctx, long timeoutMs)
        throws InterruptedException, RemotingException {
        if (cut(endpoint)) {
            Thread.sleep(timeoutMs);
            throw lost(endpoint, request);
        }
        return bolt.invokeSync(endpoint, request, ctx, timeoutMs);
    }

    @Override
    public void invokeAsync(Endpoint endpoint, Object request, InvokeContext ctx, InvokeCallback callback,
                            long timeoutMs) throws InterruptedException, RemotingException {
        if (!cut(endpoint)) {
            bolt.invokeAsync(endpoint, request, ctx, callback, timeoutMs);
            return;
        }
        InvokeTimeoutException error = lost(endpoint, request);
        try {
            timeouts.schedule(() -> {
                Executor executor = callback.executor();
                if (executor == null) {
                    callback.complete(null, error);
                } else {
                    executor.execute(() -> callback.complete(null, error));
                }
            }, timeoutMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // shutting down: the node no longer waits for answers
        }
    }

    private InvokeTimeoutException lost(Endpoint endpoint, Object request) {
        return new InvokeTimeoutException("test partition: " + request.getClass().getSimpleName() + " from " + self
            + " to " + endpoint + " lost");
    }
}
