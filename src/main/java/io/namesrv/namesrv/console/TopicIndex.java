package io.namesrv.namesrv.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Topic search for the console that stays cheap at a million topics: a sorted copy of the topic
 * names, searched a page at a time. One request looks at no more than {@link #SCAN_BUDGET} names
 * from where the previous page stopped (a binary search finds the place), so its cost does not
 * grow with the table; a search with few matches is continued by the caller, page by page.
 *
 * <p>The copy is made, and made again when the route table has changed, inline while the table
 * is small (up to {@link #INLINE_BUILD_MAX} topics, a few ms); a larger one is sorted on the
 * console's thread, never on the HTTP thread that asked (at a million topics that takes about a
 * second, longer on a loaded machine, and the HTTP threads also answer /health): until the first
 * copy exists the answer says {@code indexing}, and later rebuilds, at most every
 * {@link #REBUILD_INTERVAL_MILLIS}, are answered from the previous copy (the answer says how old it
 * is). The copy costs 4 bytes a topic (the names themselves are the route table's) and is let go
 * after {@link #RELEASE_AFTER_MILLIS} without a search.
 */
public final class TopicIndex {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int SCAN_BUDGET = 100_000;
    static final int INLINE_BUILD_MAX = 10_000;
    static final long REBUILD_INTERVAL_MILLIS = 5_000;
    static final long RELEASE_AFTER_MILLIS = 10 * 60_000L;

    /**
     * One page of a search. {@code next} is where to continue ({@code after=next}), null when the
     * whole index has been searched; {@code searchedTo} of {@code indexed} names have been looked
     * at so far (counting from the start of the index). {@code indexing}: the first copy of a large
     * table is being made, nothing was searched; ask again shortly.
     */
    public record Page(String query, List<String> topics, String next, int searchedTo, int indexed,
                       long indexAgeMillis, boolean indexing) {
    }

    private record Snapshot(long version, String[] sorted, long builtAtMillis) {
    }

    private final Supplier<String[]> names;
    private final LongSupplier version;
    private final IntSupplier size;
    private final Executor background;
    private final LongSupplier clock;
    private final Object buildLock = new Object();
    private final AtomicBoolean rebuildQueued = new AtomicBoolean();
    private volatile Snapshot snapshot;
    private volatile long lastUsedMillis;
    private volatile long lastBuildMillis = Long.MIN_VALUE / 2;

    /**
     * @param names      a copy of every topic name (any order)
     * @param version    changes whenever the set of topics may have changed
     * @param size       how many topics there are now (cheap)
     * @param background where rebuilds of large indexes run
     */
    public TopicIndex(Supplier<String[]> names, LongSupplier version, IntSupplier size, Executor background,
                      LongSupplier clock) {
        this.names = names;
        this.version = version;
        this.size = size;
        this.background = background;
        this.clock = clock;
    }

    /**
     * Topics whose name contains {@code query} (ignoring case; empty matches all), in name order,
     * strictly after {@code after} (null or empty: from the start), at most {@code limit} of them.
     */
    public Page search(String query, String after, int limit) {
        String needle = query == null ? "" : query.trim();
        int max = Math.max(1, Math.min(MAX_LIMIT, limit));
        long now = clock.getAsLong();
        lastUsedMillis = now;
        Snapshot s = current(now);
        if (s == null) {
            return new Page(needle, List.of(), after == null || after.isEmpty() ? null : after, 0, 0, 0, true);
        }
        String[] sorted = s.sorted();
        int start = 0;
        if (after != null && !after.isEmpty()) {
            int at = Arrays.binarySearch(sorted, after);
            start = at >= 0 ? at + 1 : -at - 1;
        }
        int end = (int) Math.min(sorted.length, (long) start + SCAN_BUDGET);
        List<String> found = new ArrayList<>(Math.min(max, 64));
        int i = start;
        while (i < end && found.size() < max) {
            if (contains(sorted[i], needle)) {
                found.add(sorted[i]);
            }
            i++;
        }
        String next = i < sorted.length && i > 0 ? sorted[i - 1] : null;
        return new Page(needle, found, next, i, sorted.length, now - s.builtAtMillis(), false);
    }

    /** Case-insensitive substring test without allocating (the scan runs over up to 100,000 names). */
    static boolean contains(String name, String needle) {
        int n = needle.length();
        for (int i = 0, last = name.length() - n; i <= last; i++) {
            if (name.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** The copy to search now; null while the first copy of a large table is being made. */
    private Snapshot current(long now) {
        Snapshot s = snapshot;
        long v = version.getAsLong();
        if (s != null && s.version() == v) {
            return s;
        }
        if (size.getAsInt() <= INLINE_BUILD_MAX) {
            return build();
        }
        boolean due = s == null || now - lastBuildMillis >= REBUILD_INTERVAL_MILLIS;
        if (due && rebuildQueued.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    build();
                } finally {
                    rebuildQueued.set(false);
                }
            });
        }
        return s;
    }

    /** Copies and sorts the names now (one build at a time; a build that finds the copy current returns it). */
    private Snapshot build() {
        synchronized (buildLock) {
            long v = version.getAsLong();
            Snapshot s = snapshot;
            if (s != null && s.version() == v) {
                return s;
            }
            long now = clock.getAsLong();
            lastBuildMillis = now;
            String[] sorted = names.get();
            Arrays.sort(sorted);
            s = new Snapshot(v, sorted, now);
            snapshot = s;
            return s;
        }
    }

    /** Lets the copy go when nobody searched for a while (called by the console's sampler). */
    public void releaseIfIdle(long now) {
        if (snapshot != null && now - lastUsedMillis >= RELEASE_AFTER_MILLIS) {
            synchronized (buildLock) {
                snapshot = null;
            }
        }
    }

    /** Whether a copy is held (for tests and the memory statement). */
    boolean holdsCopy() {
        return snapshot != null;
    }
}
