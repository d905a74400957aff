package io.namesrv.namesrv;

import io.namesrv.namesrv.http.Readiness;
import io.namesrv.namesrv.lifecycle.Health;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether the name server should get traffic, decided in one place: not while its health is DOWN
 * (a fatal failure, an exhausted heap), not while it shuts down, not
 * before its remoting port listens, and with {@code needWaitForService} not until
 * {@code waitSecondsForService} have passed since start, so that brokers have registered again
 * before clients are told routes. Route lookups ask {@link #servesRoutes}: not while waiting for the
 * brokers, and not once shutdown has begun (Apache after 5.5.1, #11072/PR #11073): while the
 * server stops, broker connections close and take their brokers out of the tables, so a route
 * answered then could be partial or empty, and a client would believe it.
 */
final class ServiceReadiness {

    private final NamesrvConfig config;
    private final LongSupplier uptimeMillis;
    private final BooleanSupplier listening;
    private final Supplier<Health.Status> health;
    private volatile boolean shuttingDown;
    /** Latched once the wait is over: lookups after start-up then read one field. */
    private volatile boolean waitOver;

    ServiceReadiness(NamesrvConfig config, LongSupplier uptimeMillis, BooleanSupplier listening,
                     Supplier<Health.Status> health) {
        this.config = config;
        this.uptimeMillis = uptimeMillis;
        this.listening = listening;
        this.health = health;
    }

    void shuttingDown() {
        shuttingDown = true;
    }

    /** Routes may be given out: any wait for the brokers after start is over, and not stopping. */
    boolean servesRoutes() {
        return !shuttingDown && waitMillisLeft() == 0;
    }

    /**
     * Whether this server takes requests at all: up, listening and not stopping. Unlike
     * {@link #current()}, true while it waits for brokers after start ({@code needWaitForService}):
     * brokers that find it through the address service must learn of it to register.
     */
    boolean answers() {
        return health.get().up() && !shuttingDown && listening.getAsBoolean();
    }

    /** Ready or not, and why not: for /ready, the status page and the readiness metric. */
    Readiness current() {
        Health.Status status = health.get();
        if (!status.up()) {
            return Readiness.no(status.reason());
        }
        if (shuttingDown) {
            return Readiness.no("shutting down");
        }
        if (!listening.getAsBoolean()) {
            return Readiness.no("remoting port not listening");
        }
        long left = waitMillisLeft();
        if (left > 0) {
            return Readiness.no("waiting for service, " + (left + 999) / 1000 + "s left");
        }
        return Readiness.yes();
    }

    private long waitMillisLeft() {
        if (waitOver || !config.isNeedWaitForService()) {
            return 0;
        }
        long left = config.getWaitSecondsForService() * 1000L - uptimeMillis.getAsLong();
        if (left > 0) {
            return left;
        }
        waitOver = true;
        return 0;
    }
}
