package io.namesrv.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataVersionTest {

    @Test
    void nextBehavesLikeApachesNextVersion() {
        var apache = new org.apache.rocketmq.remoting.protocol.DataVersion();
        apache.setStateVersion(5);
        apache.setCounter(new java.util.concurrent.atomic.AtomicLong(41));
        apache.nextVersion();

        DataVersion ours = new DataVersion(5, 1, 41).next();
        assertEquals(apache.getCounter().get(), ours.counter());
        assertEquals(apache.getStateVersion(), ours.stateVersion());
        assertTrue(ours.timestamp() > 1);

        DataVersion withState = new DataVersion(0, 1, 41).next(9);
        apache.nextVersion(9);
        assertEquals(9, withState.stateVersion());
        assertEquals(apache.getStateVersion(), withState.stateVersion());
    }

    @Test
    void freshStartsAtZero() {
        DataVersion fresh = DataVersion.fresh();
        assertEquals(0, fresh.counter());
        assertEquals(0, fresh.stateVersion());
        assertTrue(fresh.timestamp() > 0);
    }

    @Test
    void equalityComparesAllThreeFields() {
        DataVersion v = new DataVersion(1, 2, 3);
        assertEquals(new DataVersion(1, 2, 3), v);
        assertNotEquals(new DataVersion(0, 2, 3), v);
        assertNotEquals(new DataVersion(1, 0, 3), v);
        assertNotEquals(new DataVersion(1, 2, 0), v);
    }
}
