package io.namesrv.remoting.netty;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.SerializeType;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server on a free loopback port that answers nothing and records every request it gets, e.g. a broker's port. */
public final class RecordingServer implements AutoCloseable {

    private final BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "TestRecordingServer"));
    private final NettyRemotingServer server;

    public RecordingServer() throws InterruptedException {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        server = new NettyRemotingServer(config, null, new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), null);
        server.registerDefaultProcessor((ch, request) -> {
            received.add(request);
            return null;
        }, executor);
        server.start();
    }

    /** {@code 127.0.0.1:port}. */
    public String address() {
        return "127.0.0.1:" + server.localPort();
    }

    /** The next request received within {@code timeoutMillis}, or null. */
    public RemotingCommand next(long timeoutMillis) throws InterruptedException {
        return received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.shutdown();
        executor.shutdownNow();
    }
}
