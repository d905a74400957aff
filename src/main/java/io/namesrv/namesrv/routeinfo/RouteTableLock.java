package io.namesrv.namesrv.routeinfo;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * The one lock of the route table. Changes take the write lock; whole-table reads take the read
 * lock; a route lookup reads without locking and then checks that no change ran meanwhile
 * ({@link #tryOptimisticRead()} / {@link #validate(long)}), so the lookups of every client
 * never touch a shared counter and a network thread never waits for a registration. Not
 * reentrant: nothing may take the lock again while holding it.
 */
final class RouteTableLock {

    private final StampedLock lock = new StampedLock();
    private final Lock read = lock.asReadLock();
    private final Lock write = lock.asWriteLock();

    Lock readLock() {
        return read;
    }

    Lock writeLock() {
        return write;
    }

    /** A stamp to {@link #validate} after reading, or 0 while a change holds the lock. */
    long tryOptimisticRead() {
        return lock.tryOptimisticRead();
    }

    /** Whether no change took the lock since {@code stamp} was handed out (0 never validates). */
    boolean validate(long stamp) {
        return stamp != 0 && lock.validate(stamp);
    }
}
