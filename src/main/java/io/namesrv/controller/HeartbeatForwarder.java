package io.namesrv.controller;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes every heartbeat a broker sends us on to the other controllers, so that each of them,
 * and above all the leader, knows every broker that any controller hears (apache/rocketmq
 * #10812: a broker that cannot reach the leader was declared dead although the followers heard
 * it). A forwarded heartbeat carries {@value #FORWARDED_BY} and is never forwarded again.
 * One thread and a bounded queue per peer: a dead peer delays nobody but itself; when its queue
 * is full, heartbeats for it are dropped (the next second brings new ones).
 */
final class HeartbeatForwarder {

    static final String FORWARDED_BY = "controllerForwardedBy";
    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.CONTROLLER);
    private static final long TIMEOUT_MILLIS = 1_000;
    private static final int QUEUE_CAPACITY = 1_000;

    private final NettyRemotingClient client;
    private final String self;
    private final Map<String, ExecutorService> peers = new HashMap<>();

    HeartbeatForwarder(NettyRemotingClient client, String selfAddress, List<String> allAddresses) {
        this.client = client;
        this.self = selfAddress;
        for (String peer : allAddresses) {
            if (!peer.equals(selfAddress)) {
                peers.put(peer, new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE_CAPACITY),
                    new NamedThreadFactory("ControllerHeartbeatForward_" + peer + "_", true, 1)));
            }
        }
    }

    static boolean isForwarded(RemotingCommand request) {
        return request.extField(FORWARDED_BY) != null;
    }

    void forward(RemotingCommand heartbeat) {
        peers.forEach((peer, executor) -> {
            RemotingCommand copy = RemotingCommand.request(heartbeat.getCode(), null);
            Map<String, String> ext = new HashMap<>(heartbeat.getExtFields() == null ? Map.of() : heartbeat.getExtFields());
            ext.put(FORWARDED_BY, self);
            copy.setExtFields(ext);
            try {
                executor.execute(() -> send(peer, copy));
            } catch (RejectedExecutionException e) {
                LOG.debug("heartbeat for {} dropped: forward queue full or stopped", peer);
            }
        });
    }

    private void send(String peer, RemotingCommand heartbeat) {
        try {
            client.invokeOneway(peer, heartbeat, TIMEOUT_MILLIS);
        } catch (RemotingException e) {
            LOG.debug("cannot forward a heartbeat to controller {}: {}", peer, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void shutdown() {
        peers.values().forEach(ExecutorService::shutdownNow);
    }
}
