package io.namesrv.controller;

import io.namesrv.common.LoggerNames;
import io.namesrv.controller.state.BrokerGroup;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.protocol.controller.NotifyBrokerRoleChangedRequestHeader;
import io.namesrv.protocol.controller.SyncStateSet;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes NOTIFY_BROKER_ROLE_CHANGED (1008, oneway, 3 s) to a group's live brokers after an
 * election, so they switch role at once instead of at their next 5 s poll. Three threads, as
 * Apache's notify service; a push for an epoch older than the group's newest is dropped.
 */
final class RoleChangeNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.CONTROLLER);
    private static final long TIMEOUT_MILLIS = 3_000;
    private static final int QUEUE_CAPACITY = 10_000;

    private final NettyRemotingClient client;
    private final JsonBodies json = new JsonBodies();
    private final ExecutorService executor = new ThreadPoolExecutor(3, 3, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(QUEUE_CAPACITY), new NamedThreadFactory("ControllerNotifyThread_", true, 1));
    private final Map<String, Integer> newestEpoch = new ConcurrentHashMap<>();

    RoleChangeNotifier(NettyRemotingClient client) {
        this.client = client;
    }

    /** Tells each of {@code addresses} (the group's live brokers) who the master of {@code group} is now. */
    void roleChanged(BrokerGroup group, Map<Long, String> addresses) {
        newestEpoch.merge(group.brokerName(), group.masterEpoch(), Math::max);
        for (String address : addresses.values()) {
            try {
                executor.execute(() -> push(group, address));
            } catch (RejectedExecutionException e) {
                LOG.warn("role change of {} not pushed to {}: notify queue full or stopped", group.brokerName(), address);
            }
        }
    }

    private void push(BrokerGroup group, String address) {
        if (newestEpoch.getOrDefault(group.brokerName(), 0) > group.masterEpoch()) {
            return; // a newer election of this group will be pushed instead
        }
        RemotingCommand request = RemotingCommand.request(ControllerCodes.NOTIFY_BROKER_ROLE_CHANGED,
            new NotifyBrokerRoleChangedRequestHeader(group.masterAddress(), group.masterEpoch(),
                group.syncStateSetEpoch(), group.masterBrokerId()));
        request.setBody(json.encode(new SyncStateSet(group.syncStateSet(), group.syncStateSetEpoch())));
        try {
            client.invokeOneway(address, request, TIMEOUT_MILLIS);
            LOG.info("told {} of {}'s new master {} (epoch {})", address, group.brokerName(), group.masterBrokerId(),
                group.masterEpoch());
        } catch (RemotingException e) {
            LOG.warn("cannot tell {} of {}'s new master: {}", address, group.brokerName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
