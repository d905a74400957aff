package io.namesrv.remoting.netty;

import java.time.Duration;
import io.namesrv.interop.support.Await;
import java.util.List;
import java.util.stream.Collectors;

/** Finds threads our remoting code started (by name) that are still alive. */
final class ThreadLeaks {

    static final List<String> OUR_PREFIXES = List.of("NettyNIOBoss_", "NettyEPOLLBoss_", "NettyServerNIOSelector_",
        "NettyServerEPOLLSelector_", "NettyServerCodecThread_", "NettyEventExecutor", "NettyClientSelector_",
        "NettyClientWorkerThread_", "NettyClientTimer_");

    private ThreadLeaks() {
    }

    /** Our live threads, after waiting up to {@code millis} for them to finish. */
    static List<String> survivors(long millis) {
        return Await.last(Duration.ofMillis(millis), ThreadLeaks::alive, List::isEmpty);
    }

    private static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .filter(t -> OUR_PREFIXES.stream().anyMatch(p -> t.getName().startsWith(p)))
            .map(t -> t.getName() + (t.isDaemon() ? "(daemon)" : ""))
            .collect(Collectors.toList());
    }
}
