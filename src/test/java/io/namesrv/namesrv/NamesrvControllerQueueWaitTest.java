package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Registrations are not dropped after a route lookup's short queue-wait limit: brokers wait 24 s. */
class NamesrvControllerQueueWaitTest {

    @Test
    void defaultExecutorWaitsAtLeastTheBrokersRegistrationTimeout() {
        assertEquals(24_000, NamesrvController.defaultProcessorMaxQueueWait(2500));
        assertEquals(60_000, NamesrvController.defaultProcessorMaxQueueWait(60_000));
        assertEquals(0, NamesrvController.defaultProcessorMaxQueueWait(0), "0 keeps dropping off");
    }
}
