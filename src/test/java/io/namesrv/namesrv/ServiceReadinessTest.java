package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.http.Readiness;
import io.namesrv.namesrv.lifecycle.Health;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The one readiness rule: health, shutdown, then listening, then the wait for brokers after start. */
class ServiceReadinessTest {

    private final NamesrvConfig config = new NamesrvConfig();
    private final AtomicLong uptime = new AtomicLong();
    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final Health health = new Health();
    private final ServiceReadiness readiness = new ServiceReadiness(config, uptime::get, listening::get, health::status);

    @Test
    void withoutNeedWaitForServiceAYoungServerIsReady() {
        assertTrue(readiness.servesRoutes());
        assertEquals(Readiness.yes(), readiness.current());
    }

    @Test
    void withNeedWaitForServiceRoutesWaitForWaitSecondsForService() {
        config.setNeedWaitForService(true);
        uptime.set(43_500);
        assertFalse(readiness.servesRoutes());
        assertEquals(Readiness.no("waiting for service, 2s left"), readiness.current());
        uptime.set(44_999);
        assertFalse(readiness.servesRoutes());
        assertEquals(Readiness.no("waiting for service, 1s left"), readiness.current());

        uptime.set(45_000);
        assertTrue(readiness.servesRoutes());
        assertEquals(Readiness.yes(), readiness.current());
    }

    @Test
    void notListeningIsNotReadyAndShuttingDownAlsoWithholdsRoutes() {
        listening.set(false);
        assertEquals(Readiness.no("remoting port not listening"), readiness.current());
        listening.set(true);
        readiness.shuttingDown();
        assertEquals(Readiness.no("shutting down"), readiness.current());
        assertFalse(readiness.servesRoutes(), "#11073: no route from tables emptying as brokers disconnect");
    }

    @Test
    void aServerWhoseHealthIsDownIsNotReadyForTheSameReason() {
        health.fail("the acceptor thread stopped");
        readiness.shuttingDown();
        assertEquals(Readiness.no("the acceptor thread stopped"), readiness.current());
    }

    /** The address service lists this server while it takes requests, waiting for brokers or not. */
    @Test
    void itAnswersWhileListeningUpAndNotStoppingEvenWhileWaitingForBrokers() {
        config.setNeedWaitForService(true);
        uptime.set(1_000);
        assertTrue(readiness.answers(), "brokers finding it through the address service must learn of it to register");
        listening.set(false);
        assertFalse(readiness.answers());
        listening.set(true);
        health.fail("the acceptor thread stopped");
        assertFalse(readiness.answers());
    }

    @Test
    void aStoppingServerNoLongerAnswers() {
        assertTrue(readiness.answers());
        readiness.shuttingDown();
        assertFalse(readiness.answers());
    }
}
