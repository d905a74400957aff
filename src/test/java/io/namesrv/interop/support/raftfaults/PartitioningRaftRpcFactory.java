package io.namesrv.interop.support.raftfaults;

import com.alipay.sofa.jraft.option.RpcOptions;
import com.alipay.sofa.jraft.rpc.RaftRpcFactory;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.rpc.RpcResponseFactory;
import com.alipay.sofa.jraft.rpc.RpcServer;
import com.alipay.sofa.jraft.rpc.impl.BoltRaftRpcFactory;
import com.alipay.sofa.jraft.util.Endpoint;
import com.alipay.sofa.jraft.util.SPI;

/**
 * sofa-jraft's Bolt RPC, with clients that drop the requests the fault plan cuts
 * ({@link PartitionedRpcClient}). Servers are Bolt's own: a request never sent needs no filter
 * on the receiving side, and every Raft exchange starts with a client request.
 */
@SPI(name = "partitioning-bolt", priority = 100)
public final class PartitioningRaftRpcFactory implements RaftRpcFactory {

    private final BoltRaftRpcFactory bolt = new BoltRaftRpcFactory();

    @Override
    public void registerProtobufSerializer(String className, Object... args) {
        bolt.registerProtobufSerializer(className, args);
    }

    @Override
    public RpcClient createRpcClient(ConfigHelper<RpcClient> helper) {
        return new PartitionedRpcClient(bolt.createRpcClient(helper), FaultPlan.self());
    }

    @Override
    public RpcServer createRpcServer(Endpoint endpoint, ConfigHelper<RpcServer> helper) {
        return bolt.createRpcServer(endpoint, helper);
    }

    @Override
    public RpcResponseFactory getRpcResponseFactory() {
        return bolt.getRpcResponseFactory();
    }

    @Override
    public boolean isReplicatorPipelineEnabled() {
        return bolt.isReplicatorPipelineEnabled();
    }

    @Override
    public void ensurePipeline() {
        bolt.ensurePipeline();
    }

    @Override
    public ConfigHelper<RpcClient> defaultJRaftClientConfigHelper(RpcOptions opts) {
        return bolt.defaultJRaftClientConfigHelper(opts);
    }

    @Override
    public ConfigHelper<RpcServer> defaultJRaftServerConfigHelper(RpcOptions opts) {
        return bolt.defaultJRaftServerConfigHelper(opts);
    }
}
