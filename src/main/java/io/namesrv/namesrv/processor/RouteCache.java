package io.namesrv.namesrv.processor;

import io.namesrv.namesrv.processor.RouteQuery.Form;
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
 * <p>Answers are {@link Answer}s: a body, or {@link Answer#ABSENT} when no live broker serves the
 * topic, so the caller never searches the table again to learn that. Zone-filtered queries are not
 * for this cache (the caller filters and encodes them); absent topics are answered but not kept.
 * Past {@code maxEntries} topics the cache starts over, which keeps its size bounded without
 * bookkeeping on the hot path.
 */
public final class RouteCache {

    /** The cache's answer for a topic: its encoded route, or that no live broker serves it. */
    public record Answer(byte[] body) {

        public static final Answer ABSENT = new Answer(null);

        public boolean isAbsent() {
            return body == null;
        }
    }

    private final RouteInfoManager routes;
    private final JsonBodies json;
    private final BooleanSupplier supportActingMaster;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>(1024);

    /** Only bytes are kept: the route objects would cost more memory than re-reading a rare second form. */
    private record Entry(long version, boolean actingMaster, String orderTopicConf, Answer plain, Answer standard) {

        boolean validFor(long currentVersion, boolean currentActingMaster, String currentOrderTopicConf) {
            return version == currentVersion && actingMaster == currentActingMaster
                && Objects.equals(orderTopicConf, currentOrderTopicConf);
        }

        Answer answer(Form form) {
            return form == Form.PLAIN ? plain : standard;
        }

        Entry with(Form form, Answer answer) {
            return form == Form.PLAIN ? new Entry(version, actingMaster, orderTopicConf, answer, standard)
                : new Entry(version, actingMaster, orderTopicConf, plain, answer);
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
     * The answer to {@code query} (its zone is ignored): from the cache when valid, else built from
     * the route table once and kept.
     */
    public Answer answer(RouteQuery query) {
        String topic = query.topic();
        if (topic == null) {
            return Answer.ABSENT;
        }
        // Read the version before the route: a change racing with the build leaves an entry
        // stamped with the older version, which the next lookup rebuilds.
        long version = routes.routeVersion();
        boolean actingMaster = supportActingMaster.getAsBoolean();
        Entry entry = entries.get(topic);
        boolean valid = entry != null && entry.validFor(version, actingMaster, query.orderTopicConf());
        if (valid && entry.answer(query.form()) != null) {
            return entry.answer(query.form());
        }
        TopicRouteData route = routes.pickupTopicRouteData(topic);
        if (route == null) {
            entries.remove(topic);
            return Answer.ABSENT;
        }
        Answer answer = new Answer(query.form().encode(json, route.withOrderTopicConf(query.orderTopicConf())));
        if (valid) {
            // The other form is cached already and still valid: keep it alongside.
            entries.replace(topic, entry, entry.with(query.form(), answer));
            return answer;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(topic)) {
            entries.clear();
        }
        entries.put(topic, new Entry(version, actingMaster, query.orderTopicConf(), null, null)
            .with(query.form(), answer));
        return answer;
    }

    /**
     * The cached answer to {@code query} when a valid one exists, else null; never builds anything,
     * never takes a lock, so network threads may call it.
     */
    public Answer cached(RouteQuery query) {
        Entry entry = query.topic() == null ? null : entries.get(query.topic());
        return entry != null && entry.validFor(routes.routeVersion(), supportActingMaster.getAsBoolean(),
            query.orderTopicConf()) ? entry.answer(query.form()) : null;
    }

    /** How many topics have an entry (valid or stale); for tests and status. */
    public int size() {
        return entries.size();
    }
}
