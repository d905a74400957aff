package io.namesrv.namesrv.config;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The allow-list of keys UPDATE_NAMESRV_CONFIG (318) may change while the server runs. Apache
 * allows everything but a few path keys (#7542, CVE-2023-37582); we allow only switches that are
 * read afresh on every request, so a change takes effect at once and cannot leave half-started
 * state behind:
 * <ul>
 *   <li>{@code enableAllTopicList}, {@code enableTopicList}: read by each topic-list request (206,
 *       224, 311-313); they only gate read-only listings.</li>
 *   <li>{@code orderMessageEnable}: read by each route lookup (105) to decide whether to add the
 *       ORDER_TOPIC_CONFIG entry.</li>
 *   <li>{@code returnOrderTopicConfigToBroker}: read by each registration (103) to decide whether
 *       the ORDER_TOPIC_CONFIG table goes into the response.</li>
 *   <li>{@code supportActingMaster}: read by each route lookup when it builds the route.</li>
 *   <li>{@code deleteTopicWithBrokerRegistration}: read by each registration.</li>
 *   <li>{@code needWaitForService}: read by each route lookup; its runtime use is ending the
 *       start-up wait early. It cannot start a new outage: the wait is bounded by
 *       {@code waitSecondsForService}, which is not tunable.</li>
 *   <li>{@code notifyMinBrokerIdChanged}: read at each change of a group's smallest broker id to
 *       decide whether NOTIFY_MIN_BROKER_ID_CHANGE is sent (Apache's field is volatile for this).</li>
 * </ul>
 * Refused, and why: paths and home (writing files anywhere was the CVE); ports, bind address,
 * thread counts, queue capacities, scan interval, controller and clusterTest (all read once at
 * start, so a change would be a lie until restart, and thread counts of 1 are the #7542 outage);
 * {@code waitSecondsForService} (raising it after start turns a warm-up into an outage);
 * netty channel settings such as {@code serverChannelMaxIdleTimeSeconds} (a tiny
 * value drops every healthy client); {@code configBlackList} and any unknown key.
 */
public final class RuntimeTunableKeys {

    public static final Set<String> NAMESRV = Set.of(
        "enableAllTopicList",
        "enableTopicList",
        "orderMessageEnable",
        "returnOrderTopicConfigToBroker",
        "supportActingMaster",
        "deleteTopicWithBrokerRegistration",
        "needWaitForService",
        "notifyMinBrokerIdChanged");

    private RuntimeTunableKeys() {
    }

    /**
     * The allow-list minus the keys an operator put in {@code configBlackList} (semicolon
     * separated, read at each update), so that list can only narrow what is tunable.
     */
    public static Predicate<String> allowed(Set<String> allowList, Supplier<String> configBlackList) {
        return key -> allowList.contains(key) && !blackListed(configBlackList.get(), key);
    }

    private static boolean blackListed(String blackList, String key) {
        if (blackList == null) {
            return false;
        }
        for (String listed : blackList.split(";")) {
            if (listed.trim().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
