package io.namesrv.bench;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Closed-loop load: C caller threads, each sending one request and waiting for its answer, for a
 * fixed time. A warm-up of the same shape runs first and is not counted. Any answer other than
 * SUCCESS, and any exception, counts as an error.
 */
final class LoadPhase {

    private static final long TIMEOUT_MILLIS = 10_000;

    private LoadPhase() {
    }

    /**
     * @param requests builds the next request of caller {@code i}; each caller calls its own
     *                 function from its own thread only
     */
    static PhaseResult run(String name, BenchClients clients, int callers, double warmupSeconds, double seconds,
                           IntFunction<RequestSource> requests) throws InterruptedException {
        if (warmupSeconds > 0) {
            runTimed(clients, callers, warmupSeconds, requests);
        }
        long start = System.nanoTime();
        List<LatencyRecorder> recorders = runTimed(clients, callers, seconds, requests);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return PhaseResult.of(name, LatencyRecorder.merge(recorders), elapsed);
    }

    /** The requests of one caller. */
    interface RequestSource {
        RemotingCommand next();
    }

    private static List<LatencyRecorder> runTimed(BenchClients clients, int callers, double seconds,
                                                  IntFunction<RequestSource> requests) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(callers);
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            int caller = i;
            RequestSource source = requests.apply(i);
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        callOnce(clients, caller, source.next(), recorder);
                    }
                } finally {
                    done.countDown();
                }
            }, "BenchCaller_" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        done.await();
        return recorders;
    }

    /** One call, timed; true when it succeeded. */
    static boolean callOnce(BenchClients clients, int caller, RemotingCommand request, LatencyRecorder recorder) {
        long t0 = System.nanoTime();
        try {
            RemotingCommand response = clients.call(caller, request, TIMEOUT_MILLIS);
            if (response.getCode() == ResponseCode.SUCCESS) {
                recorder.record(System.nanoTime() - t0);
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // counted below; the phase goes on
        }
        recorder.error();
        return false;
    }

    /** {@code count} calls one after another from one caller, after {@code warmup} uncounted ones. */
    static PhaseResult sequential(String name, BenchClients clients, int warmup, int count,
                                  RequestSource requests) {
        for (int i = 0; i < warmup; i++) {
            callOnce(clients, 0, requests.next(), new LatencyRecorder());
        }
        LatencyRecorder recorder = new LatencyRecorder();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            callOnce(clients, 0, requests.next(), recorder);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return PhaseResult.of(name, LatencyRecorder.merge(List.of(recorder)), elapsed);
    }
}
