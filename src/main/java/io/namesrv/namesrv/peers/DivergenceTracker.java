package io.namesrv.namesrv.peers;

import io.namesrv.protocol.BrokerMember;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a stream of {@link ViewDiff}s with one peer into divergences: a difference that has lasted
 * longer than the grace period (one broker registration period: brokers register with each name
 * server in turn, so shorter differences are normal). Each divergence is logged once when it
 * starts and once when it ends, counted, and listed for /status.
 */
final class DivergenceTracker {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");
    /** Brokers named per log line; the rest are counted. */
    private static final int NAMED_PER_LINE = 20;

    private final String peer;
    private final long graceMillis;
    private final Map<ViewDiff.Kind, Map<BrokerMember, Long>> since = new EnumMap<>(ViewDiff.Kind.class);
    private final Map<ViewDiff.Kind, Set<BrokerMember>> reported = new EnumMap<>(ViewDiff.Kind.class);
    private final Map<ViewDiff.Kind, Long> totals = new EnumMap<>(ViewDiff.Kind.class);

    /** One current difference: what, since when, and whether it counts as a divergence yet. */
    record Difference(BrokerMember member, long since, boolean divergent) {
    }

    DivergenceTracker(String peer, long graceMillis) {
        this.peer = peer;
        this.graceMillis = graceMillis;
        for (ViewDiff.Kind kind : ViewDiff.Kind.values()) {
            since.put(kind, new HashMap<>());
            reported.put(kind, new HashSet<>());
            totals.put(kind, 0L);
        }
    }

    /** Takes the latest comparison, made at {@code now}. */
    synchronized void update(ViewDiff diff, long now) {
        for (ViewDiff.Kind kind : ViewDiff.Kind.values()) {
            Set<BrokerMember> current = diff.of(kind);
            Map<BrokerMember, Long> first = since.get(kind);
            Set<BrokerMember> told = reported.get(kind);
            List<BrokerMember> resolved = new ArrayList<>();
            for (BrokerMember m : told) {
                if (!current.contains(m)) {
                    resolved.add(m);
                }
            }
            first.keySet().retainAll(current);
            told.removeAll(resolved);
            List<BrokerMember> started = new ArrayList<>();
            for (BrokerMember m : current) {
                long t = first.computeIfAbsent(m, k -> now);
                if (now - t > graceMillis && told.add(m)) {
                    started.add(m);
                }
            }
            totals.merge(kind, (long) started.size(), Long::sum);
            if (!started.isEmpty()) {
                LOG.warn("name server {}: {} broker(s) {} for more than {} ms{}: {}", peer, started.size(), kind.words,
                    graceMillis, hint(kind), names(started));
            }
            if (!resolved.isEmpty()) {
                LOG.info("name server {}: {} broker(s) no longer {}: {}", peer, resolved.size(), kind.words,
                    names(resolved));
            }
        }
    }

    /** The peer could not be compared: what differed is unknown now, so nothing is listed. */
    synchronized void forget() {
        for (ViewDiff.Kind kind : ViewDiff.Kind.values()) {
            since.get(kind).clear();
            reported.get(kind).clear();
        }
    }

    synchronized List<Difference> differences(ViewDiff.Kind kind) {
        List<Difference> list = new ArrayList<>();
        Set<BrokerMember> told = reported.get(kind);
        since.get(kind).entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> list.add(new Difference(e.getKey(), e.getValue(), told.contains(e.getKey()))));
        return list;
    }

    /** Current divergences (differences older than the grace period) of one kind. */
    synchronized int divergent(ViewDiff.Kind kind) {
        return reported.get(kind).size();
    }

    /** Divergences of one kind that have started since this server started. */
    synchronized long total(ViewDiff.Kind kind) {
        return totals.get(kind);
    }

    private static String hint(ViewDiff.Kind kind) {
        return switch (kind) {
            case MISSING_HERE -> " (do they list this name server in namesrvAddr?)";
            case MISSING_THERE -> " (do they list that name server in namesrvAddr?)";
            case VERSION_DIFFERS -> " (a registration that reached only one of the two)";
        };
    }

    private static String names(Collection<BrokerMember> members) {
        String named = members.stream().sorted().limit(NAMED_PER_LINE).map(BrokerMember::toString)
            .collect(Collectors.joining(", "));
        return members.size() > NAMED_PER_LINE ? named + " and " + (members.size() - NAMED_PER_LINE) + " more" : named;
    }
}
