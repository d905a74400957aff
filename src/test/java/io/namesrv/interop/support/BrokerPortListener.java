package io.namesrv.interop.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.remoting.exception.RemotingCommandException;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * A broker's listen port that only listens: whatever a name server sends to it (its
 * NOTIFY_MIN_BROKER_ID_CHANGE requests) is decoded with Apache's own {@code RemotingCommand},
 * as a broker would decode it, and queued for the test. Nothing is ever answered.
 */
public final class BrokerPortListener implements AutoCloseable {

    private final ServerSocket server;
    private final BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public BrokerPortListener() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
        acceptor = new Thread(this::accept, "TestBrokerPort-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code 127.0.0.1:port}, the address to register the fake broker under. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** The next request received, waiting at most {@code timeoutMillis}; null if none came. */
    public RemotingCommand next(long timeoutMillis) {
        try {
            return received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting on " + address(), e);
        }
    }

    /** Requests received and not taken yet. */
    public int pending() {
        return received.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread reader = new Thread(() -> read(socket), "TestBrokerPortReader-" + server.getLocalPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void read(Socket socket) {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                int length = in.readInt();
                byte[] frame = new byte[length];
                in.readFully(frame);
                received.add(RemotingCommand.decode(ByteBuffer.wrap(frame)));
            }
        } catch (IOException | RemotingCommandException | RuntimeException endOrGarbage) {
            // the sender closed the connection, or this listener was closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : connections) {
                s.close();
            }
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
