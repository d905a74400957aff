package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.RouteImage;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.BrokerMember;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicQueueMappingInfo;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds broker groups from what a peer answered: members from its direct cluster view (with
 * data versions and heartbeat ages when it tells them), queues, static-topic mappings and filter
 * servers from its routes. Broker addresses come from the cluster view, not the routes, whose
 * acting-master rewrite would otherwise be taken for the real layout.
 */
final class PeerImages {

    private PeerImages() {
    }

    /**
     * The groups named by {@code brokerNames} as the peer knows them directly. With
     * {@code fromHeartbeats}, a member counts as heard from when the peer last heard from it (and
     * one the peer should already have expired is left out); otherwise as heard from {@code now}.
     */
    static RouteImage groups(PeerView view, Collection<String> brokerNames, Map<String, TopicRouteData> routes,
                             long now, boolean fromHeartbeats) {
        Map<String, Map<String, QueueData>> queues = new HashMap<>();
        Map<String, Map<String, TopicQueueMappingInfo>> mappings = new HashMap<>();
        Map<String, List<String>> filterServers = new HashMap<>();
        for (Map.Entry<String, TopicRouteData> e : routes.entrySet()) {
            TopicRouteData route = e.getValue();
            if (route.queueDatas() != null) {
                for (QueueData qd : route.queueDatas()) {
                    if (qd != null && qd.brokerName() != null) {
                        queues.computeIfAbsent(qd.brokerName(), k -> new HashMap<>()).put(e.getKey(), qd);
                    }
                }
            }
            if (route.topicQueueMappingByBroker() != null) {
                route.topicQueueMappingByBroker().forEach((brokerName, info) -> {
                    if (brokerName != null && info != null) {
                        mappings.computeIfAbsent(brokerName, k -> new HashMap<>()).put(e.getKey(), info);
                    }
                });
            }
            if (route.filterServerTable() != null) {
                route.filterServerTable().forEach((addr, list) -> {
                    if (addr != null && list != null) {
                        filterServers.put(addr, list);
                    }
                });
            }
        }
        List<RouteImage.Group> groups = new ArrayList<>();
        for (String name : brokerNames) {
            BrokerData data = view.groupOf(name);
            if (data == null || data.brokerAddrs() == null || data.cluster() == null) {
                continue;
            }
            List<RouteImage.Member> members = new ArrayList<>();
            data.brokerAddrs().forEach((id, addr) -> {
                if (id == null || addr == null) {
                    return;
                }
                PeerView.Liveness live = view.livenessOf(new BrokerMember(data.cluster(), name, id, addr));
                long heardAt = now;
                long timeout = 0;
                if (live != null) {
                    timeout = live.heartbeatTimeoutMillis();
                    if (fromHeartbeats) {
                        if (timeout > 0 && live.heartbeatAgeMillis() >= timeout) {
                            return;
                        }
                        heardAt = now - live.heartbeatAgeMillis();
                    }
                }
                members.add(new RouteImage.Member(id, addr, live == null ? null : live.haServerAddr(), timeout,
                    live == null ? null : live.dataVersion(), filterServers.get(addr), BrokerOrigin.DIRECT, heardAt));
            });
            if (!members.isEmpty()) {
                groups.add(new RouteImage.Group(data.cluster(), name, data.zoneName(), data.enableActingMaster(), members,
                    queues.get(name), mappings.get(name)));
            }
        }
        return new RouteImage(groups);
    }
}
