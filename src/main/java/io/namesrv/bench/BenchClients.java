package io.namesrv.bench;

import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.SerializeType;
import java.util.ArrayList;
import java.util.List;

/**
 * K independent remoting clients, hence K connections to the server; caller {@code i} uses
 * client {@code i % K}. They speak as an Apache 5.3.3 client does (version 479, JSON headers).
 */
final class BenchClients implements AutoCloseable {

    private final String addr;
    private final List<NettyRemotingClient> clients = new ArrayList<>();

    BenchClients(String addr, int connections) {
        this.addr = addr;
        for (int i = 0; i < connections; i++) {
            NettyClientConfig config = new NettyClientConfig();
            // Codec on the selector: the client should cost as little CPU as it can, since it
            // shares the machine with the server under test.
            config.setClientWorkerThreads(0);
            clients.add(new NettyRemotingClient(config, new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON)));
        }
    }

    String addr() {
        return addr;
    }

    RemotingCommand call(int caller, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        return clients.get(Math.floorMod(caller, clients.size())).invokeSync(addr, request, timeoutMillis);
    }

    @Override
    public void close() {
        clients.forEach(NettyRemotingClient::close);
    }
}
