package io.namesrv.namesrv.hardening;

import java.time.Duration;
import io.namesrv.interop.support.Await;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A well-behaved client on its own connection and thread that keeps looking a route up while a
 * test attacks the server, and remembers every failure and the slowest answer.
 */
final class RouteProber implements AutoCloseable {

    private final int port;
    private final String topic;
    private final List<String> failures = new ArrayList<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong maxLatencyNanos = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    RouteProber(int port, String topic) {
        this.port = port;
        this.topic = topic;
        this.thread = new Thread(this::run, "route-prober-" + topic);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try (WireClient client = new WireClient(port)) {
            while (!stopped) {
                long start = System.nanoTime();
                RemotingCommand answer = client.call(Requests.route(topic));
                long took = System.nanoTime() - start;
                maxLatencyNanos.accumulateAndGet(took, Math::max);
                answers.incrementAndGet();
                if (answer.getCode() != ResponseCode.SUCCESS) {
                    fail("answer code " + answer.getCode() + " " + answer.getRemark());
                }
                Thread.sleep(2);
            }
        } catch (Exception e) {
            fail(e.toString());
        }
    }

    private synchronized void fail(String why) {
        if (failures.size() < 20) {
            failures.add(why);
        }
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    long answers() {
        return answers.get();
    }

    long maxLatencyMillis() {
        return maxLatencyNanos.get() / 1_000_000;
    }

    /** Blocks until at least {@code more} further answers arrived (or 5 s passed): the prober is live. */
    boolean answersAgain(int more) {
        long target = answers.get() + more;
        Await.last(Duration.ofSeconds(5), answers::get, n -> n >= target || !thread.isAlive());
        return answers.get() >= target;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5000);
    }
}
