package io.namesrv.namesrv;

import io.namesrv.namesrv.processor.RegistrationLimits;
import io.namesrv.namesrv.routeinfo.RouteLimits;
import io.namesrv.protocol.RegisterBrokerBodyCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ours, not Apache's: the bounds the name server keeps to whatever its clients or its own threads
 * do. Bound from the {@code -c} file like the other config beans and read once at start. The
 * defaults hold the largest real clusters (a broker with 200,000 topics, 1,000,000 topics in all
 * given the heap for them); docs/configuration.md and docs/reliability.md say how to size them.
 */
public class LimitsConfig {

    /**
     * Heap the route table holds per topic and per topic-queue entry (a topic on one broker group)
     * once registered: in-process, 249-252 bytes per topic on one group and 455-457 per topic on
     * four groups fit 181 + 69 per entry; mqbench's server figures (264-298 bytes on one group, 512
     * per topic on four) fit 227 + 71. Both rounded up: the rule for the heap-derived defaults.
     */
    public static final long HEAP_BYTES_PER_TOPIC = 240;
    public static final long HEAP_BYTES_PER_TOPIC_QUEUE_ENTRY = 80;
    /**
     * The share of the heap the topics may fill, and the same again for the topic-queue entries: the
     * route table stays under half the heap whatever the layout (a third with every topic on one
     * group, 0.44 with four groups per topic). The rest: the cache of encoded routes, registration
     * bodies being decoded ({@link #effectiveMaxRegistrationBodyBytesInFlight} and what they decode
     * to), answers being written, the collector's headroom.
     */
    public static final double ROUTE_TABLE_HEAP_SHARE = 0.25;
    /** The share of the heap request bodies may hold queued or in progress, by default. */
    public static final int HEAP_FRACTION_FOR_BODIES_IN_FLIGHT = 16;

    /** How long a stop may take before the process is halted: a hung thread must not keep it alive. */
    private int shutdownTimeoutSeconds = 15;
    private int maxTopicsPerRegistration = 250_000;
    private int maxRegistrationBodyBytes = RegisterBrokerBodyCodec.MAX_INFLATED_BYTES;
    /** 0: derived from the heap ({@link #effectiveMaxTopics}). */
    private long maxTopics = 0;
    /** 0: derived from the heap ({@link #effectiveMaxTopicQueueEntries}). */
    private long maxTopicQueueEntries = 0;
    private int maxBrokerGroups = 4096;
    private int maxBrokers = 10_000;
    private int maxBrokersPerCluster = 4096;
    /** 0: derived from the heap ({@link #effectiveMaxRegistrationBodyBytesInFlight}). */
    private long maxRegistrationBodyBytesInFlight = 0;

    /**
     * {@link #getMaxTopics()} when set; otherwise what {@link #ROUTE_TABLE_HEAP_SHARE} of the heap
     * holds at {@link #HEAP_BYTES_PER_TOPIC} a topic (279,620 with a 256 MB heap, 559,240 with the
     * 512 MB of bin/mqnamesrv, 2,236,962 with 2 GB).
     */
    public long effectiveMaxTopics(long maxHeapBytes) {
        return maxTopics > 0 ? maxTopics : fromHeap(maxHeapBytes, HEAP_BYTES_PER_TOPIC);
    }

    /**
     * {@link #getMaxTopicQueueEntries()} when set; otherwise what {@link #ROUTE_TABLE_HEAP_SHARE}
     * of the heap holds at {@link #HEAP_BYTES_PER_TOPIC_QUEUE_ENTRY} an entry (838,860 with 256 MB,
     * 1,677,721 with 512 MB, 6,710,886 with 2 GB).
     */
    public long effectiveMaxTopicQueueEntries(long maxHeapBytes) {
        return maxTopicQueueEntries > 0 ? maxTopicQueueEntries : fromHeap(maxHeapBytes, HEAP_BYTES_PER_TOPIC_QUEUE_ENTRY);
    }

    private static long fromHeap(long maxHeapBytes, long bytesEach) {
        return Math.max(1, (long) (maxHeapBytes * ROUTE_TABLE_HEAP_SHARE / bytesEach));
    }

    /**
     * {@link #getMaxRegistrationBodyBytesInFlight()} when set; otherwise a sixteenth of the heap
     * (32 MiB with 512 MB), and never less than one frame, so the largest registration always fits.
     */
    public long effectiveMaxRegistrationBodyBytesInFlight(long maxHeapBytes) {
        return maxRegistrationBodyBytesInFlight > 0 ? maxRegistrationBodyBytesInFlight
            : Math.max(maxHeapBytes / HEAP_FRACTION_FOR_BODIES_IN_FLIGHT, 16L * 1024 * 1024);
    }

    /** The route table's limits, on a JVM whose heap may grow to {@code maxHeapBytes}. */
    public RouteLimits routeLimits(long maxHeapBytes) {
        return new RouteLimits(effectiveMaxTopics(maxHeapBytes), effectiveMaxTopicQueueEntries(maxHeapBytes),
            maxBrokerGroups, maxBrokers, maxBrokersPerCluster);
    }

    /** Every limit in force by key, for /metrics. */
    public Map<String, Long> effectiveValues(long maxHeapBytes) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(RegistrationLimits.TOPICS_PER_REGISTRATION, (long) maxTopicsPerRegistration);
        values.put(RegistrationLimits.REGISTRATION_BODY_BYTES, (long) maxRegistrationBodyBytes);
        values.put(RouteLimits.TOPICS, effectiveMaxTopics(maxHeapBytes));
        values.put(RouteLimits.TOPIC_QUEUE_ENTRIES, effectiveMaxTopicQueueEntries(maxHeapBytes));
        values.put(RouteLimits.BROKER_GROUPS, (long) maxBrokerGroups);
        values.put(RouteLimits.BROKERS, (long) maxBrokers);
        values.put(RouteLimits.BROKERS_PER_CLUSTER, (long) maxBrokersPerCluster);
        values.put("maxRegistrationBodyBytesInFlight", effectiveMaxRegistrationBodyBytesInFlight(maxHeapBytes));
        return values;
    }

    /** The registration processor's limits; {@code refusals} counts every refused registration by limit. */
    public RegistrationLimits registrationLimits(Consumer<String> refusals) {
        return new RegistrationLimits(maxTopicsPerRegistration, maxRegistrationBodyBytes, refusals);
    }

    public int getShutdownTimeoutSeconds() {
        return shutdownTimeoutSeconds;
    }

    public void setShutdownTimeoutSeconds(int shutdownTimeoutSeconds) {
        this.shutdownTimeoutSeconds = atLeastOne(shutdownTimeoutSeconds);
    }

    public long getMaxRegistrationBodyBytesInFlight() {
        return maxRegistrationBodyBytesInFlight;
    }

    /** 0: derived from the heap. */
    public void setMaxRegistrationBodyBytesInFlight(long maxRegistrationBodyBytesInFlight) {
        if (maxRegistrationBodyBytesInFlight < 0) {
            throw new IllegalArgumentException("must be 0 (from the heap) or positive");
        }
        this.maxRegistrationBodyBytesInFlight = maxRegistrationBodyBytesInFlight;
    }

    public int getMaxTopicsPerRegistration() {
        return maxTopicsPerRegistration;
    }

    public void setMaxTopicsPerRegistration(int maxTopicsPerRegistration) {
        this.maxTopicsPerRegistration = atLeastOne(maxTopicsPerRegistration);
    }

    public int getMaxRegistrationBodyBytes() {
        return maxRegistrationBodyBytes;
    }

    public void setMaxRegistrationBodyBytes(int maxRegistrationBodyBytes) {
        this.maxRegistrationBodyBytes = atLeastOne(maxRegistrationBodyBytes);
    }

    public long getMaxTopics() {
        return maxTopics;
    }

    /** 0: derived from the heap. */
    public void setMaxTopics(long maxTopics) {
        if (maxTopics < 0) {
            throw new IllegalArgumentException("must be 0 (from the heap) or positive");
        }
        this.maxTopics = maxTopics;
    }

    public long getMaxTopicQueueEntries() {
        return maxTopicQueueEntries;
    }

    /** 0: derived from the heap. */
    public void setMaxTopicQueueEntries(long maxTopicQueueEntries) {
        if (maxTopicQueueEntries < 0) {
            throw new IllegalArgumentException("must be 0 (from the heap) or positive");
        }
        this.maxTopicQueueEntries = maxTopicQueueEntries;
    }

    public int getMaxBrokerGroups() {
        return maxBrokerGroups;
    }

    public void setMaxBrokerGroups(int maxBrokerGroups) {
        this.maxBrokerGroups = atLeastOne(maxBrokerGroups);
    }

    public int getMaxBrokers() {
        return maxBrokers;
    }

    public void setMaxBrokers(int maxBrokers) {
        this.maxBrokers = atLeastOne(maxBrokers);
    }

    public int getMaxBrokersPerCluster() {
        return maxBrokersPerCluster;
    }

    public void setMaxBrokersPerCluster(int maxBrokersPerCluster) {
        this.maxBrokersPerCluster = atLeastOne(maxBrokersPerCluster);
    }

    private static int atLeastOne(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return value;
    }
}
