package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.routeinfo.RouteLimits;
import org.junit.jupiter.api.Test;

/**
 * The defaults of the route table's limits follow from the heap, by the measured bytes per topic
 * and per topic-queue entry: large enough for the largest clusters of the scale issue at the heap
 * its benchmarks use, and small enough that the table can never fill the heap.
 */
class LimitsConfigTest {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    /** What the table would hold at most, by the measured figures, with both limits reached. */
    private static long worstTableBytes(RouteLimits limits) {
        return limits.maxTopics() * LimitsConfig.HEAP_BYTES_PER_TOPIC
            + limits.maxTopicQueueEntries() * LimitsConfig.HEAP_BYTES_PER_TOPIC_QUEUE_ENTRY;
    }

    @Test
    void aMillionTopicsOnFourGroupsEachFitTheDefaultsOfATwoGibHeap() {
        RouteLimits limits = new LimitsConfig().routeLimits(2 * GIB);
        assertTrue(limits.maxTopics() >= 1_000_000, limits.toString());
        assertTrue(limits.maxTopicQueueEntries() >= 4_000_000, limits.toString());
        // The scale issue's large cluster: 256 groups, 256,000 topics on 4 groups each.
        RouteLimits at512 = new LimitsConfig().routeLimits(512 * MIB);
        assertTrue(at512.maxTopics() >= 256_000 && at512.maxTopicQueueEntries() >= 1_024_000, at512.toString());
        assertTrue(at512.maxBrokerGroups() >= 256, at512.toString());
    }

    @Test
    void theRouteTableCanNeverFillMoreThanHalfTheHeap() {
        for (long heap : new long[] {256 * MIB, 512 * MIB, 2 * GIB, 8 * GIB}) {
            RouteLimits limits = new LimitsConfig().routeLimits(heap);
            assertTrue(worstTableBytes(limits) <= heap / 2, heap + ": " + limits);
        }
    }

    @Test
    void theIssuesAttackStopsWellShortOfA256MbHeap() {
        // 40 fake brokers x 50,000 distinct topics: the topic limit stops it after five or so.
        RouteLimits limits = new LimitsConfig().routeLimits(256 * MIB);
        assertEquals(279_620, limits.maxTopics());
        assertTrue(limits.maxTopics() / 50_000 < 6, limits.toString());
    }

    @Test
    void aValueSetReplacesTheHeapRule() {
        LimitsConfig config = new LimitsConfig();
        config.setMaxTopics(123);
        config.setMaxTopicQueueEntries(456);
        RouteLimits limits = config.routeLimits(2 * GIB);
        assertEquals(123, limits.maxTopics());
        assertEquals(456, limits.maxTopicQueueEntries());
        assertEquals(123L, config.effectiveValues(2 * GIB).get(RouteLimits.TOPICS));
    }
}
