package io.namesrv.namesrv.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The console's topic search on a million topics: pages, a bounded scan per request, and when the copy is rebuilt. */
class TopicIndexTest {

    private static final int MILLION = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicInteger copies = new AtomicInteger();
    private final List<Runnable> background = new ArrayList<>();

    /** Topic-000000 .. Topic-999999 in shuffled order (as a HashMap would give them), every 1000th ending "-rare". */
    private static final List<String> MILLION_TOPICS = millionTopicNames();

    private static List<String> millionTopicNames() {
        String[] names = new String[MILLION];
        for (int i = 0; i < MILLION; i++) {
            int n = (int) ((i * 7_919L) % MILLION); // a permutation: 7919 is prime and does not divide 10^6
            String digits = Integer.toString(n);
            names[i] = "Topic-" + "000000".substring(digits.length()) + digits + (n % 1000 == 0 ? "-rare" : "");
        }
        return List.of(names);
    }

    private static String[] millionTopics() {
        return MILLION_TOPICS.toArray(new String[0]);
    }

    private TopicIndex index(AtomicReference<String[]> names) {
        return new TopicIndex(() -> {
            copies.incrementAndGet();
            return names.get().clone();
        }, version::get, () -> names.get().length, background::add, clock::get);
    }

    /** A large index's first search only starts the copy on the console thread; run it. */
    private TopicIndex built(TopicIndex index) {
        TopicIndex.Page first = index.search("", null, 10);
        assertTrue(first.indexing(), "the asking thread does not sort a million names");
        assertEquals(List.of(), first.topics());
        assertEquals(1, background.size());
        background.remove(0).run();
        assertFalse(index.search("", null, 10).indexing());
        return index;
    }

    @Test
    void aRareMatchAmongAMillionIsFoundPageByPageWithBoundedWorkPerRequest() {
        AtomicReference<String[]> names = new AtomicReference<>(millionTopics());
        TopicIndex index = built(index(names));

        List<String> found = new ArrayList<>();
        String after = null;
        int requests = 0;
        int searchedBefore = 0;
        do {
            TopicIndex.Page page = index.search("rare", after, 40);
            requests++;
            assertEquals(MILLION, page.indexed());
            assertTrue(page.searchedTo() - searchedBefore <= TopicIndex.SCAN_BUDGET,
                "one request looked at " + (page.searchedTo() - searchedBefore) + " names");
            assertTrue(page.topics().size() <= 40);
            searchedBefore = page.searchedTo();
            found.addAll(page.topics());
            after = page.next();
        } while (after != null);

        assertEquals(1000, found.size(), "every match once");
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(null);
        assertEquals(sorted, found, "in name order");
        assertEquals("Topic-000000-rare", found.get(0));
        assertEquals("Topic-999000-rare", found.get(999));
        assertTrue(requests >= MILLION / TopicIndex.SCAN_BUDGET, requests + " requests");
        assertEquals(1, copies.get(), "one copy of the names served every page");
    }

    @Test
    void pagesOfAllTopicsFollowEachOtherWithoutGapsOrRepeats() {
        AtomicReference<String[]> names = new AtomicReference<>(millionTopics());
        TopicIndex index = built(index(names));
        TopicIndex.Page first = index.search("", null, 200);
        assertEquals(200, first.topics().size());
        assertEquals("Topic-000000-rare", first.topics().get(0));
        assertEquals(first.topics().get(199), first.next());
        TopicIndex.Page second = index.search("", first.next(), 200);
        String[] all = names.get().clone();
        Arrays.sort(all);
        assertEquals(Arrays.asList(all).subList(0, 200), first.topics());
        assertEquals(Arrays.asList(all).subList(200, 400), second.topics());
        assertEquals(TopicIndex.MAX_LIMIT, index.search("", null, 1_000_000).topics().size(), "limit is capped");
        assertEquals(1, index.search("", null, -5).topics().size(), "limit is at least one");

        TopicIndex.Page beyondOneScan = index.search("topic-123456", null, 50);
        assertEquals(List.of(), beyondOneScan.topics(), "one request looks no further than the scan budget");
        assertEquals(all[TopicIndex.SCAN_BUDGET - 1], beyondOneScan.next());
        assertEquals(List.of("Topic-123456"), index.search("topic-123456", beyondOneScan.next(), 50).topics(),
            "the next request goes on from there; case does not matter");
        TopicIndex.Page last = index.search("", all[MILLION - 2], 50);
        assertEquals(List.of(all[MILLION - 1]), last.topics());
        assertNull(last.next(), "the end of the index");
        assertNull(index.search("", all[MILLION - 1], 50).next());
        assertEquals(List.of(), index.search("", "\uffff", 50).topics(), "after the last name: nothing");
    }

    @Test
    void aLargeIndexIsRebuiltInTheBackgroundAtMostEveryFewSecondsAndLetGoWhenIdle() {
        AtomicReference<String[]> names = new AtomicReference<>(millionTopics());
        TopicIndex index = built(index(names));
        assertEquals(0, index.search("NewTopic", null, 10).topics().size());
        assertEquals(1, copies.get());

        String[] more = Arrays.copyOf(names.get(), MILLION + 1);
        more[MILLION] = "NewTopic";
        names.set(more);
        version.incrementAndGet();
        clock.addAndGet(TopicIndex.REBUILD_INTERVAL_MILLIS);
        TopicIndex.Page stale = index.search("NewTopic", null, 10);
        assertEquals(List.of(), stale.topics(), "answered from the previous copy meanwhile");
        assertEquals(TopicIndex.REBUILD_INTERVAL_MILLIS, stale.indexAgeMillis());
        assertEquals(1, background.size(), "a rebuild was queued");
        index.search("NewTopic", null, 10);
        assertEquals(1, background.size(), "only one at a time");
        background.remove(0).run();
        assertEquals(List.of("NewTopic"), index.search("NewTopic", null, 10).topics());
        assertEquals(2, copies.get());

        version.incrementAndGet();
        clock.addAndGet(1);
        index.search("x", null, 10);
        assertTrue(background.isEmpty(), "not again within " + TopicIndex.REBUILD_INTERVAL_MILLIS + " ms");

        clock.addAndGet(TopicIndex.RELEASE_AFTER_MILLIS - 1);
        index.releaseIfIdle(clock.get());
        assertTrue(index.holdsCopy());
        clock.addAndGet(1);
        index.releaseIfIdle(clock.get());
        assertFalse(index.holdsCopy(), "let go after ten minutes without a search");
    }

    @Test
    void aSmallIndexIsRebuiltInlineSoANewTopicIsFoundAtOnce() {
        AtomicReference<String[]> names = new AtomicReference<>(new String[] {"b", "a"});
        TopicIndex index = index(names);
        assertEquals(List.of("a", "b"), index.search("", null, 10).topics());
        names.set(new String[] {"b", "a", "c"});
        version.incrementAndGet();
        assertEquals(List.of("a", "b", "c"), index.search("", null, 10).topics());
        assertEquals(List.of("b"), index.search("", "a", 1).topics());
        assertEquals("b", index.search("", "a", 1).next());
        assertTrue(background.isEmpty());
        assertEquals(2, copies.get());
        index.search("", null, 10);
        assertEquals(2, copies.get(), "no copy while the table is unchanged");
    }

    @Test
    void containsIgnoresCase() {
        assertTrue(TopicIndex.contains("%RETRY%Group_A", "retry%g"));
        assertTrue(TopicIndex.contains("abc", ""));
        assertFalse(TopicIndex.contains("ab", "abc"));
        assertFalse(TopicIndex.contains("TopicA", "topicb"));
    }
}
