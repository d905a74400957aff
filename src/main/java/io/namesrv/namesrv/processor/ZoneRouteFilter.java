package io.namesrv.namesrv.processor;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zone ("nearby") routing: a client that sends {@code __ZONE_MODE=true} and a zone name sees only
 * broker groups of its zone, plus groups that have no master (those stay visible so that
 * acting-master groups are never hidden).
 */
final class ZoneRouteFilter {

    static final String ZONE_NAME = "__ZONE_NAME";
    static final String ZONE_MODE = "__ZONE_MODE";
    private static final long MASTER_ID = 0L;

    private ZoneRouteFilter() {
    }

    /** The zone the request asks to be filtered by, or null when zone mode is off. */
    static String requestedZone(Map<String, String> extFields) {
        if (extFields == null || !Boolean.parseBoolean(extFields.get(ZONE_MODE))) {
            return null;
        }
        String zone = extFields.get(ZONE_NAME);
        return zone == null || zone.isBlank() ? null : zone;
    }

    static TopicRouteData filter(TopicRouteData route, String zone) {
        List<BrokerData> kept = new ArrayList<>();
        Set<String> removedBrokerNames = new HashSet<>();
        Set<String> removedAddrs = new HashSet<>();
        for (BrokerData bd : route.brokerDatas()) {
            boolean hasMaster = bd.brokerAddrs() != null && bd.brokerAddrs().containsKey(MASTER_ID);
            if (!hasMaster || zone.equalsIgnoreCase(bd.zoneName())) {
                kept.add(bd);
            } else {
                removedBrokerNames.add(bd.brokerName());
                if (bd.brokerAddrs() != null) {
                    removedAddrs.addAll(bd.brokerAddrs().values());
                }
            }
        }
        List<QueueData> queues = new ArrayList<>();
        for (QueueData qd : route.queueDatas()) {
            if (!removedBrokerNames.contains(qd.brokerName())) {
                queues.add(qd);
            }
        }
        Map<String, List<String>> filterServers = null;
        if (route.filterServerTable() != null) {
            filterServers = new HashMap<>(route.filterServerTable());
            filterServers.keySet().removeAll(removedAddrs);
        }
        return new TopicRouteData(kept, filterServers, route.orderTopicConf(), queues, route.topicQueueMappingByBroker());
    }
}
