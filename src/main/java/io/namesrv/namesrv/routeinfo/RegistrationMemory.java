package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What the route table remembers of each live broker process's registrations, beyond Apache's
 * live table, for two jobs. Guarded by the route table's lock (read for {@link #knows}, write for
 * the rest).
 *
 * <p><b>Unchanged bodies.</b> Every broker re-registers every 30 s, nearly always with the body it
 * sent last time. The table keeps the checksums of the bodies it applied under the broker's
 * current data version while the group's queue data stayed as they left it; a body with one of
 * those checksums would change nothing, so it need not be decoded at all (a 4,000-topic body is
 * about 800 KB of JSON). Several checksums are kept because a broker with split registration
 * sends several bodies per round, and 5.3.4-5.5.0 brokers send them all under one data version.
 *
 * <p><b>Split registration</b> (apache/rocketmq#10425, {@code enableSplitRegistration}). Such a
 * broker sends its topics in batches, each a REGISTER_BROKER of its own; a batch names none of the
 * topics of the previous one, where a full body names nearly all. A process seen doing that is
 * <em>splitting</em> from then on: its batches are applied as changes even under an unchanged data
 * version (5.3.4-5.5.0 brokers give every batch the same one, and Apache's name server then skips
 * the later batches' changes), and with {@code deleteTopicWithBrokerRegistration} no batch removes
 * what it does not name. Instead its group's topics are swept once per {@link #SPLIT_SWEEP_MILLIS}:
 * a topic that none of its registrations named in a whole window (long enough for at least one
 * full round at Apache's longest registration period, 60 s) is gone from the broker.
 */
final class RegistrationMemory {

    /** A window longer than two of Apache's longest registration periods (60 s) plus a round. */
    static final long SPLIT_SWEEP_MILLIS = 150_000;
    /** Topics of the last body kept to recognise the next one as a batch of the same round. */
    private static final int SAMPLE = 4;
    /** More checksums than the batches of any broker (200,000 topics at the default 800 per batch). */
    private static final int MAX_BODIES = 1024;

    /** One process. */
    private static final class Process {
        final String brokerName;
        final long brokerId;
        DataVersion version;
        boolean wasTopicSource;
        long groupEpoch;
        final Set<Integer> bodies = new HashSet<>();
        String[] sample;
        boolean splitting;
        Set<String> seen;
        long windowStart;

        Process(String brokerName, long brokerId) {
            this.brokerName = brokerName;
            this.brokerId = brokerId;
        }
    }

    private final Map<BrokerAddrInfo, Process> processes = new HashMap<>(256);

    /**
     * The data version of a body with checksum {@code crc} this process sent before and whose
     * application would change nothing now, or null. {@code groupEpoch} is the group's current
     * topic epoch and {@code topicSource} whether the process now supplies the group's topics.
     */
    DataVersion knows(BrokerAddrInfo addrInfo, String brokerName, long brokerId, int crc, long groupEpoch,
                      boolean topicSource) {
        Process p = processes.get(addrInfo);
        if (p == null || crc == 0 || p.brokerId != brokerId || !p.brokerName.equals(brokerName)
            || p.groupEpoch != groupEpoch || p.wasTopicSource != topicSource || !p.bodies.contains(crc)) {
            return null;
        }
        return p.version;
    }

    /**
     * Records a body applied in full ({@code crc} 0: none to remember) and the group's topic epoch
     * after it. A new data version, group or role forgets the bodies remembered before.
     */
    void applied(BrokerAddrInfo addrInfo, String brokerName, long brokerId, DataVersion version, int crc,
                 long groupEpoch, boolean topicSource) {
        Process p = process(addrInfo, brokerName, brokerId);
        if (!version.equals(p.version) || p.groupEpoch != groupEpoch || p.wasTopicSource != topicSource
            || p.bodies.size() >= MAX_BODIES) {
            p.bodies.clear();
        }
        p.version = version;
        p.groupEpoch = groupEpoch;
        p.wasTopicSource = topicSource;
        if (crc != 0) {
            p.bodies.add(crc);
        }
    }

    /**
     * Looks at the topics of a body about to be applied: returns whether the process is splitting
     * its registration (this body is the first seen to name none of the previous body's topics, or
     * an earlier one was), and whether a previous body is known at all.
     */
    Batch observe(BrokerAddrInfo addrInfo, String brokerName, long brokerId, Set<String> topics) {
        Process p = process(addrInfo, brokerName, brokerId);
        boolean first = p.sample == null;
        if (!first && !p.splitting && !topics.isEmpty() && noneOf(p.sample, topics)) {
            p.splitting = true;
        }
        if (!topics.isEmpty()) {
            String[] sample = new String[Math.min(SAMPLE, topics.size())];
            Iterator<String> it = topics.iterator();
            for (int i = 0; i < sample.length; i++) {
                sample[i] = it.next();
            }
            p.sample = sample;
        } else if (first) {
            p.sample = new String[0];
        }
        return new Batch(p.splitting, first);
    }

    /** What {@link #observe} learned of a body. */
    record Batch(boolean splitting, boolean firstSeen) {
    }

    /**
     * For a splitting process under {@code deleteTopicWithBrokerRegistration}: adds the body's topics
     * to those named in the current window and, once the window is over, returns them (the topics
     * its group still has; all others are to be removed) and starts the next one with this body's
     * topics. Null while the window runs. The first window counts every topic the group had when it
     * started ({@code groupTopics}) as named: the batches before the split was noticed named them.
     */
    Set<String> sweep(BrokerAddrInfo addrInfo, Set<String> topics, Set<String> groupTopics, long now) {
        Process p = processes.get(addrInfo);
        if (p.seen == null) {
            p.seen = new HashSet<>(groupTopics);
            p.seen.addAll(topics);
            p.windowStart = now;
            return null;
        }
        p.seen.addAll(topics);
        if (now - p.windowStart < SPLIT_SWEEP_MILLIS) {
            return null;
        }
        Set<String> named = p.seen;
        p.seen = new HashSet<>(topics);
        p.windowStart = now;
        return named;
    }

    /** The process left the live table: it starts afresh if it comes back. */
    void forget(BrokerAddrInfo addrInfo) {
        processes.remove(addrInfo);
    }

    /** Nothing is remembered for processes registering as another group or id than before. */
    private Process process(BrokerAddrInfo addrInfo, String brokerName, long brokerId) {
        Process p = processes.get(addrInfo);
        if (p == null || p.brokerId != brokerId || !p.brokerName.equals(brokerName)) {
            p = new Process(brokerName, brokerId);
            processes.put(addrInfo, p);
        }
        return p;
    }

    private static boolean noneOf(String[] sample, Set<String> topics) {
        if (sample.length == 0) {
            return false;
        }
        for (String s : sample) {
            if (topics.contains(s)) {
                return false;
            }
        }
        return true;
    }
}
