package io.namesrv.interop.support.raftfaults;

/** Holds up the calling thread (jRaft's disk thread) as long as the fault plan says this node's disk is slow. */
final class StorageDelay {

    /** Starts the line printed for each write held up. */
    static final String LINE_PREFIX = "raft-faults: ";

    private final String self;

    StorageDelay(String self) {
        this.self = self;
    }

    void beforeWrite() {
        long millis = FaultPlan.current().storageDelayMillis(self);
        if (millis > 0) {
            // in the node's console log, so that a test can see the fault took effect
            System.out.println(LINE_PREFIX + self + " storage write held up " + millis + " ms");
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
