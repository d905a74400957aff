package io.namesrv.namesrv;

import io.namesrv.namesrv.metrics.ServerSnapshot;
import io.namesrv.remoting.netty.RequestExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The name server's two business pools, named and sized as Apache's: route lookups (code 105) on
 * their own ({@code ClientRequestExecutorThread_n}) so that a registration storm cannot starve
 * clients, and every other request ({@code RemotingExecutorThread_n}). Owns their watermark log,
 * their gauges and their shutdown.
 */
final class BusinessPools {

    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final RequestExecutor clientRequests;
    private final RequestExecutor defaultRequests;
    private final WaterMarkLog waterMark = new WaterMarkLog();

    /** {@code deathsOf} gives, by thread-name prefix, who is told when a pool thread dies. */
    BusinessPools(NamesrvConfig config, Function<String, Thread.UncaughtExceptionHandler> deathsOf) {
        this.clientRequests = pool(config.getClientRequestThreadPoolNums(),
            config.getClientRequestThreadPoolQueueCapacity(), "ClientRequestExecutorThread_", deathsOf);
        this.defaultRequests = pool(config.getDefaultThreadPoolNums(), config.getDefaultThreadPoolQueueCapacity(),
            "RemotingExecutorThread_", deathsOf);
    }

    private static RequestExecutor pool(int threads, int queueCapacity, String namePrefix,
                                        Function<String, Thread.UncaughtExceptionHandler> deathsOf) {
        return new RequestExecutor(threads, queueCapacity, namePrefix, deathsOf.apply(namePrefix));
    }

    /** Route lookups. */
    RequestExecutor clientRequests() {
        return clientRequests;
    }

    /** Everything but route lookups. */
    RequestExecutor defaultRequests() {
        return defaultRequests;
    }

    /** Called every second: how full each queue is and how old its head, as {@link WaterMarkLog} decides to log it. */
    void logWaterMark() {
        long now = System.currentTimeMillis();
        waterMark.offer(now, clientRequests.queueSize(), clientRequests.headWaitMillis(now),
            defaultRequests.queueSize(), defaultRequests.headWaitMillis(now));
    }

    /** The gauges of both pools at {@code now}, as the metrics name them ("client", "default"). */
    List<ServerSnapshot.ExecutorState> states(long now) {
        return List.of(state("client", clientRequests, now), state("default", defaultRequests, now));
    }

    private static ServerSnapshot.ExecutorState state(String name, RequestExecutor pool, long now) {
        return new ServerSnapshot.ExecutorState(name, pool.queueSize(), pool.queueCapacity(), pool.headWaitMillis(now),
            pool.activeThreads(), pool.poolSize());
    }

    /** Lets each pool drain for up to five seconds, route lookups first. */
    void shutdown() {
        clientRequests.shutdown(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        defaultRequests.shutdown(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
