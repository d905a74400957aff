package io.namesrv.namesrv.console;

import io.namesrv.namesrv.routeinfo.RemovalCause;
import io.namesrv.namesrv.routeinfo.RouteEventListener;
import io.namesrv.namesrv.routeinfo.RouteInfoManager.BrokerLiveView;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What happened to brokers lately: the last {@link #MAX_EVENTS} registrations and removals with
 * their cause (renewals are not events), and the brokers that left and have not come back
 * ({@link #MAX_DEPARTED} at most, each for {@link #DEPARTED_MILLIS}), so an expired broker stays
 * on the page instead of vanishing. Bounded: about 200 bytes an event, under 150 KB in all.
 *
 * <p>The route table tells only cluster and address; names, ids and heartbeat timeouts come from
 * {@link #learn}, which the console calls off the route table's lock on its own thread, soon after
 * a broker it does not know yet registers ({@code unknownBroker}) and at every sample.
 */
public final class BrokerEventLog implements RouteEventListener {

    public static final int MAX_EVENTS = 500;
    public static final int MAX_DEPARTED = 200;
    public static final long DEPARTED_MILLIS = 60 * 60_000L;

    /** {@code seq} grows by one per event, so a reader can ask for what came after the last one it saw. */
    public record Event(long seq, long timeMillis, String kind, String cluster, String brokerName, Long brokerId,
                        String addr, String detail) {

        Event named(Known known) {
            return new Event(seq, timeMillis, kind, cluster, known.brokerName(), known.brokerId(), addr, detail);
        }
    }

    /** What the route table said of a broker the last time it was read. */
    record Known(String brokerName, long brokerId, long heartbeatTimeoutMillis) {
    }

    private final LongSupplier clock;
    private final Runnable unknownBroker;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final ArrayDeque<Event> events = new ArrayDeque<>(MAX_EVENTS);
    private final LinkedHashMap<String, Event> departed = new LinkedHashMap<>();
    private long seq;

    /** @param unknownBroker run (it must only schedule work) when a broker registers whose name is not known yet */
    public BrokerEventLog(LongSupplier clock, Runnable unknownBroker) {
        this.clock = clock;
        this.unknownBroker = unknownBroker;
    }

    static String key(String cluster, String addr) {
        return cluster + "@" + addr;
    }

    @Override
    public void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
        String key = key(clusterName, brokerAddr);
        Event gone;
        synchronized (this) {
            gone = departed.remove(key);
            if (!firstTime) {
                return;
            }
            long now = clock.getAsLong();
            String detail = gone == null ? "new" : "back, " + Durations.words(now - gone.timeMillis()) + " after it "
                + pastTense(gone.kind());
            append(now, "registered", clusterName, brokerAddr, detail);
        }
        if (!known.containsKey(key)) {
            unknownBroker.run();
        }
    }

    @Override
    public void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
        String key = key(clusterName, brokerAddr);
        Known k = known.get(key);
        String detail = switch (cause) {
            case EXPIRED -> "no heartbeat within its "
                + (k == null ? "" : Durations.words(k.heartbeatTimeoutMillis()) + " ") + "timeout";
            case CHANNEL_CLOSED -> "its connection closed";
            case CHANNEL_FAILED -> "its connection failed";
            case CHANNEL_IDLE -> "its connection was idle too long";
            case UNREGISTERED -> "it unregistered (UNREGISTER_BROKER)";
            case WITHDRAWN -> "relayed by peer name servers that no longer know it directly";
        };
        synchronized (this) {
            Event e = append(clock.getAsLong(), cause.label(), clusterName, brokerAddr, detail);
            departed.remove(key);
            departed.put(key, e);
            if (departed.size() > MAX_DEPARTED) {
                Iterator<String> oldest = departed.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    private static String pastTense(String kind) {
        return switch (kind) {
            case "expired" -> "expired";
            case "unregistered" -> "unregistered";
            default -> "left (" + kind + ")";
        };
    }

    /** Appends an event named from what is known of the broker; the caller holds this object's lock. */
    private Event append(long now, String kind, String cluster, String addr, String detail) {
        Known k = known.get(key(cluster, addr));
        Event e = new Event(++seq, now, kind, cluster, k == null ? null : k.brokerName(),
            k == null ? null : k.brokerId(), addr, detail);
        if (events.size() == MAX_EVENTS) {
            events.removeFirst();
        }
        events.addLast(e);
        return e;
    }

    /**
     * Learns names, ids and timeouts of the brokers in the route table, and names the events and
     * departures recorded before they were known. Keeps what it knew of brokers no longer in the
     * table until the table is read again, so a removal reported just after the read is named.
     */
    public void learn(ClusterInfo info, List<BrokerLiveView> live) {
        Map<String, Long> timeouts = new HashMap<>();
        for (BrokerLiveView v : live) {
            timeouts.put(key(v.clusterName(), v.brokerAddr()), v.heartbeatTimeoutMillis());
        }
        Map<String, Known> now = new HashMap<>();
        for (BrokerData bd : info.brokerAddrTable().values()) {
            bd.brokerAddrs().forEach((id, addr) -> {
                String key = key(bd.cluster(), addr);
                now.put(key, new Known(bd.brokerName(), id, timeouts.getOrDefault(key, 0L)));
            });
        }
        known.keySet().retainAll(now.keySet());
        known.putAll(now);
        synchronized (this) {
            List<Event> all = new ArrayList<>(events);
            events.clear();
            for (Event e : all) {
                Known k = e.brokerName() == null ? now.get(key(e.cluster(), e.addr())) : null;
                events.addLast(k == null ? e : e.named(k));
            }
            departed.replaceAll((key, e) -> {
                Known k = e.brokerName() == null ? now.get(key) : null;
                return k == null ? e : e.named(k);
            });
        }
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code max} (the newest ones). */
    public synchronized List<Event> events(long afterSeq, int max) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.seq() > afterSeq) {
                out.add(e);
            }
        }
        return out.size() <= max ? out : new ArrayList<>(out.subList(out.size() - max, out.size()));
    }

    /** Brokers that left less than {@link #DEPARTED_MILLIS} ago and have not registered since, oldest first. */
    public synchronized List<Event> departed() {
        long cutoff = clock.getAsLong() - DEPARTED_MILLIS;
        departed.values().removeIf(e -> e.timeMillis() < cutoff);
        return new ArrayList<>(departed.values());
    }
}
