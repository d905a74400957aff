package io.namesrv.namesrv.hardening;

import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Connections that pipeline requests in bursts (about {@value #BURST} per {@value #PAUSE_MILLIS}
 * ms each: far more than the executors under test can take), each with a reader that counts the
 * answers by code. Stops by itself after the given time. The pauses keep the test machine's CPU
 * for the server: the point is to overfill queues, not to measure a 2-core box under a firehose.
 */
final class Flood implements AutoCloseable {

    private static final int BURST = 10;
    private static final long PAUSE_MILLIS = 10;

    private final List<WireClient> connections = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong success = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    private volatile boolean stopped;

    /**
     * {@code frameFor(i)} gives the bytes of the i-th request of a connection (precomputed by the
     * caller, so that the flood spends its CPU on sending, not on encoding).
     */
    Flood(int port, int connectionCount, long millis, IntFunction<byte[]> frameFor) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        for (int c = 0; c < connectionCount; c++) {
            WireClient conn = new WireClient(port, 1000);
            connections.add(conn);
            threads.add(new Thread(() -> write(conn, frameFor, deadline), "flood-writer-" + c));
            threads.add(new Thread(() -> read(conn), "flood-reader-" + c));
        }
        threads.forEach(t -> {
            t.setDaemon(true);
            t.start();
        });
    }

    private void write(WireClient conn, IntFunction<byte[]> frameFor, long deadline) {
        try {
            for (int i = 0; !stopped && System.currentTimeMillis() < deadline; i++) {
                conn.writeRaw(frameFor.apply(i));
                sent.incrementAndGet();
                if (i % BURST == BURST - 1) {
                    Thread.sleep(PAUSE_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closed by close(): the flood is over
        }
    }

    private void read(WireClient conn) {
        while (!stopped) {
            try {
                RemotingCommand answer = conn.read();
                switch (answer.getCode()) {
                    case ResponseCode.SUCCESS -> success.incrementAndGet();
                    case ResponseCode.SYSTEM_BUSY -> busy.incrementAndGet();
                    default -> other.incrementAndGet();
                }
            } catch (java.net.SocketTimeoutException e) {
                // nothing right now; look again
            } catch (IOException e) {
                return;
            }
        }
    }

    long sent() {
        return sent.get();
    }

    long success() {
        return success.get();
    }

    long busy() {
        return busy.get();
    }

    long other() {
        return other.get();
    }

    /** Waits for the writers to reach their deadline. */
    void awaitWriters(long millis) throws InterruptedException {
        for (int i = 0; i < threads.size(); i += 2) {
            threads.get(i).join(millis);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopped = true;
        for (WireClient conn : connections) {
            conn.close();
        }
        for (Thread t : threads) {
            t.join(5000);
        }
    }
}
