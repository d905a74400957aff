package io.namesrv.namesrv.processor;

import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicRouteData;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Encoded GET_ROUTEINFO_BY_TOPIC bodies per topic and per JSON form, so that a lookup whose route
 * has not changed costs a map read instead of a deep copy and an encode (Apache does both on every
 * call). An entry is valid while {@link RouteInfoManager#routeVersion()} is what it was when the
 * entry was built, the order-topic config it was built with is still the current one, and the
 * runtime switch {@code supportActingMaster} (which rewrites routes, and may be flipped live
 * without touching the route table) still has the same value.
 * Invalidation is lazy: a change costs the route table nothing, the next lookup rebuilds.
 *
 * <p>Zone-filtered answers are not cached (the caller filters and encodes them). Topics without a
 * route are not cached either. Past {@code maxEntries} topics the cache starts over, which keeps
 * its size bounded without bookkeeping on the hot path.
 */
public final class RouteCache {

    /** The two JSON forms a route is sent in. */
    public enum Form {
        /** Apache's plain {@code encode()}: unquoted numeric keys. */
        PLAIN,
        /** Standard JSON for clients from 4.9.4 on, or that ask for it. */
        STANDARD
    }

    private final RouteInfoManager routes;
    private final JsonBodies json;
    private final BooleanSupplier supportActingMaster;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>(1024);

    /** Only bytes are kept: the route objects would cost more memory than re-reading a rare second form. */
    private record Entry(long version, boolean actingMaster, String orderTopicConf, byte[] plain, byte[] standard) {

        boolean validFor(long currentVersion, boolean currentActingMaster, String currentOrderTopicConf) {
            return version == currentVersion && actingMaster == currentActingMaster
                && Objects.equals(orderTopicConf, currentOrderTopicConf);
        }

        byte[] bytes(Form form) {
            return form == Form.PLAIN ? plain : standard;
        }

        Entry with(Form form, byte[] bytes) {
            return form == Form.PLAIN ? new Entry(version, actingMaster, orderTopicConf, bytes, standard)
                : new Entry(version, actingMaster, orderTopicConf, plain, bytes);
        }
    }

    public RouteCache(RouteInfoManager routes, JsonBodies json, BooleanSupplier supportActingMaster, int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.routes = routes;
        this.json = json;
        this.supportActingMaster = supportActingMaster;
        this.maxEntries = maxEntries;
    }

    /**
     * The encoded route of {@code topic} in {@code form}, carrying {@code orderTopicConf} (null
     * when order messages are off or the topic has none), or null when no live broker serves it.
     */
    public byte[] encodedRoute(String topic, Form form, String orderTopicConf) {
        if (topic == null) {
            return null;
        }
        // Read the version before the route: a change racing with the build leaves an entry
        // stamped with the older version, which the next lookup rebuilds.
        long version = routes.routeVersion();
        boolean actingMaster = supportActingMaster.getAsBoolean();
        Entry entry = entries.get(topic);
        boolean valid = entry != null && entry.validFor(version, actingMaster, orderTopicConf);
        if (valid && entry.bytes(form) != null) {
            return entry.bytes(form);
        }
        TopicRouteData route = routes.pickupTopicRouteData(topic);
        if (route == null) {
            entries.remove(topic);
            return null;
        }
        if (orderTopicConf != null) {
            route = new TopicRouteData(route.brokerDatas(), route.filterServerTable(), orderTopicConf, route.queueDatas(),
                route.topicQueueMappingByBroker());
        }
        byte[] bytes = form == Form.PLAIN ? json.encode(route) : json.encodeStandard(route);
        if (valid) {
            // The other form is cached already and still valid: keep it alongside.
            entries.replace(topic, entry, entry.with(form, bytes));
            return bytes;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(topic)) {
            entries.clear();
        }
        entries.put(topic, new Entry(version, actingMaster, orderTopicConf, null, null).with(form, bytes));
        return bytes;
    }

    /**
     * The cached bytes when a valid entry exists, else null; never builds anything, never takes a
     * lock, so network threads may call it.
     */
    public byte[] cachedRoute(String topic, Form form, String orderTopicConf) {
        if (topic == null) {
            return null;
        }
        Entry entry = entries.get(topic);
        return entry != null && entry.validFor(routes.routeVersion(), supportActingMaster.getAsBoolean(), orderTopicConf)
            ? entry.bytes(form) : null;
    }

    /** How many topics have an entry (valid or stale); for tests and status. */
    public int size() {
        return entries.size();
    }
}
