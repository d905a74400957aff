package io.namesrv.protocol.controller;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** A group's in-sync replica ids and the epoch of that set (the body of 1001, 1003, 1004 and 1008). */
public record SyncStateSet(Set<Long> syncStateSet, int syncStateSetEpoch) {

    public SyncStateSet {
        syncStateSet = syncStateSet == null ? null : sorted(syncStateSet);
    }

    private static SortedSet<Long> sorted(Set<Long> ids) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }
}
