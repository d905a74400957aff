package io.namesrv.namesrv.notify;

import io.namesrv.namesrv.routeinfo.MinBrokerIdChange;
import io.namesrv.namesrv.routeinfo.RouteEventListener;
import io.namesrv.protocol.header.NotifyMinBrokerIdChangeRequestHeader;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.ThrottledLog;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends NOTIFY_MIN_BROKER_ID_CHANGE (905) as Apache's name server does, when
 * {@code notifyMinBrokerIdChanged} is on (read at every change, so it can be switched at run
 * time): one oneway request per target, header {@code minBrokerId}, {@code minBrokerAddr} and
 * {@code offlineBrokerAddr} or {@code haBrokerAddr}, to the broker's registered address.
 *
 * <p>Apache sends while holding the route table's write lock, connecting asynchronously (bounded
 * by the client's {@code connectTimeoutMillis}) and waiting at most 300 ms for one of its oneway
 * send permits. Here the table only hands over what to send; a single named thread takes it from
 * a bounded queue and starts each send without waiting for it (connecting and writing happen on
 * the client's selector), waiting at most those 300 ms for one of {@value #MAX_IN_FLIGHT} send
 * permits. So a dead or black-holed broker slows neither the route table nor the notifications to
 * other brokers. A full queue, or no permit in time, drops the notification (counted, warned): a
 * broker that misses one still learns the new minimum from its own poll within a second.
 */
public final class MinBrokerIdNotifier implements RouteEventListener, AutoCloseable {

    /** Apache's oneway timeout: how long a send may wait for a permit. */
    static final long SEND_TIMEOUT_MILLIS = 300;
    static final int QUEUE_CAPACITY = 1024;
    /** Sends started and not yet written or failed (Apache's oneway permits); each holds at most a pending connect. */
    static final int MAX_IN_FLIGHT = 1024;

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");

    /** Told how every send ended (for metrics). */
    public interface Outcomes {
        Outcomes NONE = new Outcomes() {
            @Override
            public void sent() {
            }

            @Override
            public void failed() {
            }

            @Override
            public void dropped() {
            }
        };

        /** Written to the broker's connection. */
        void sent();

        /** Not written: no connection (refused, or not within connectTimeoutMillis) or a write error. */
        void failed();

        /** Not even tried: the queue was full, or no send permit came within 300 ms. */
        void dropped();
    }

    private final BooleanSupplier enabled;
    private final Supplier<NettyRemotingClient> clientFactory;
    private final Outcomes outcomes;
    private final ThreadPoolExecutor executor;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ThrottledLog failures = new ThrottledLog(LOG, 10_000);
    private volatile boolean closed;
    /** Created by the sending thread on first use (most name servers never notify); guarded by close(). */
    private NettyRemotingClient client;

    /**
     * @param enabled       {@code notifyMinBrokerIdChanged}, read at every change
     * @param clientFactory the name server's own remoting client, built on first use
     */
    public MinBrokerIdNotifier(BooleanSupplier enabled, Supplier<NettyRemotingClient> clientFactory, Outcomes outcomes) {
        this.enabled = enabled;
        this.clientFactory = clientFactory;
        this.outcomes = outcomes;
        this.executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE_CAPACITY),
            new NamedThreadFactory("NSMinBrokerIdNotifier", true, 1));
    }

    /** Called after the route table's lock is released; never waits. */
    @Override
    public void minBrokerIdChanged(MinBrokerIdChange change) {
        if (closed || !enabled.getAsBoolean() || change.targets().isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> send(change));
        } catch (RejectedExecutionException e) {
            if (!closed) {
                change.targets().forEach(t -> outcomes.dropped());
                failures.warn("min broker id of {} changed to {}: notification to {} dropped, {} already queued",
                    change.brokerName(), change.minBrokerId(), change.targets(), QUEUE_CAPACITY);
            }
        }
    }

    private void send(MinBrokerIdChange change) {
        LOG.info("min broker id changed to {}, notify {}, offline broker addr {}", change.minBrokerId(),
            change.targets(), change.offlineBrokerAddr());
        NettyRemotingClient remoting;
        try {
            remoting = client();
        } catch (RuntimeException e) {
            change.targets().forEach(t -> outcomes.failed());
            failures.warn("cannot notify {} of min broker id {}: no remoting client: {}", change.targets(),
                change.minBrokerId(), e.toString());
            return;
        }
        for (String target : change.targets()) {
            if (!permit()) {
                outcomes.dropped();
                failures.warn("notification of min broker id {} to {} dropped: {} sends in flight",
                    change.minBrokerId(), target, MAX_IN_FLIGHT);
                continue;
            }
            // A command per target: the client stamps each with its own opaque.
            RemotingCommand request = RemotingCommand.request(RequestCode.NOTIFY_MIN_BROKER_ID_CHANGE,
                new NotifyMinBrokerIdChangeRequestHeader(change.minBrokerId(), null, change.minBrokerAddr(),
                    change.offlineBrokerAddr(), change.haBrokerAddr()));
            remoting.invokeOnewayAsync(target, request).whenComplete((ok, error) -> {
                inFlight.release();
                if (error == null) {
                    outcomes.sent();
                } else {
                    outcomes.failed();
                    failures.warn("notify min broker id {} to {} failed: {}", change.minBrokerId(), target,
                        error.toString());
                }
            });
        }
    }

    private boolean permit() {
        try {
            return inFlight.tryAcquire(SEND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
            return false;
        }
    }

    private synchronized NettyRemotingClient client() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (client == null) {
            client = clientFactory.get();
        }
        return client;
    }

    /** Stops sending: queued notifications are dropped unsent, the client's connections closed. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        NettyRemotingClient toClose;
        synchronized (this) {
            toClose = client;
            client = null;
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
