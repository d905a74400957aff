package io.namesrv.bench;

import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.InvokeCallback;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * K independent remoting clients, hence K connections to the server, sharing a few selector
 * threads; caller {@code i} uses client {@code i % K}. They speak as an Apache 5.3.3 client does
 * (version 479, JSON headers).
 *
 * <p>The load generator shares the machine with the server under test, so it should take as
 * little CPU, and as few runnable threads, as it can: codec and callbacks run on the shared
 * selectors, and more client threads than needed only preempt the server's.
 */
final class BenchClients implements AutoCloseable {

    private final String addr;
    private final EventLoopGroup selectors;
    private final List<NettyRemotingClient> clients = new ArrayList<>();

    BenchClients(String addr, int connections, int threads) {
        this.addr = addr;
        this.selectors = new NioEventLoopGroup(threads, new NamedThreadFactory("BenchClientSelector_", true, 1));
        for (int i = 0; i < connections; i++) {
            NettyClientConfig config = new NettyClientConfig();
            config.setClientWorkerThreads(0);
            clients.add(new NettyRemotingClient(config, new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), null,
                selectors));
        }
    }

    String addr() {
        return addr;
    }

    RemotingCommand call(int caller, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingException {
        return client(caller).invokeSync(addr, request, timeoutMillis);
    }

    /** Sends without waiting; {@code callback} runs on the connection's selector thread. */
    void callAsync(int caller, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingException {
        client(caller).invokeAsync(addr, request, timeoutMillis, callback);
    }

    private NettyRemotingClient client(int caller) {
        return clients.get(Math.floorMod(caller, clients.size()));
    }

    @Override
    public void close() {
        clients.forEach(NettyRemotingClient::close);
        selectors.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
