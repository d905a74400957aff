package io.namesrv.bench;

import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.InvokeCallback;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Closed-loop load: C callers, each sending one request and sending the next once its answer
 * arrives, for a fixed time. A warm-up of the same shape runs first and is not counted. Any answer other than
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
    static PhaseResult run(String name, BenchClients clients, ServerCpu cpu, int callers, double warmupSeconds,
                           double seconds, IntFunction<RequestSource> requests) throws InterruptedException {
        if (warmupSeconds > 0) {
            runTimed(clients, callers, warmupSeconds, requests);
        }
        long cpuBefore = cpu.nanos();
        long start = System.nanoTime();
        List<LatencyRecorder> recorders = runTimed(clients, callers, seconds, requests);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return PhaseResult.of(name, LatencyRecorder.merge(recorders), elapsed, cpuBefore, cpu.nanos());
    }

    /** The requests of one caller. */
    interface RequestSource {
        RemotingCommand next();
    }

    private static List<LatencyRecorder> runTimed(BenchClients clients, int callers, double seconds,
                                                  IntFunction<RequestSource> requests) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(callers);
        List<AsyncCaller> chains = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            chains.add(new AsyncCaller(clients, i, requests.apply(i), stop, done));
        }
        chains.forEach(AsyncCaller::sendNext);
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        // Each chain ends after its call in flight answers or times out.
        if (!done.await(TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(done.getCount() + " callers never finished");
        }
        List<LatencyRecorder> recorders = new ArrayList<>();
        chains.forEach(c -> recorders.add(c.recorder));
        return recorders;
    }

    /**
     * One caller: a chain of calls, the next sent from the callback of the previous one, so it
     * has exactly one call in flight, like a thread blocked in a synchronous call. Callbacks run
     * on the client's selector: no caller threads to park and wake on the two cores the server
     * under test also needs, so the load generator takes as little of them as it can.
     */
    private static final class AsyncCaller implements InvokeCallback {

        private final BenchClients clients;
        private final int caller;
        private final RequestSource source;
        private final AtomicBoolean stop;
        private final CountDownLatch done;
        final LatencyRecorder recorder = new LatencyRecorder();
        private long sentAt;

        AsyncCaller(BenchClients clients, int caller, RequestSource source, AtomicBoolean stop, CountDownLatch done) {
            this.clients = clients;
            this.caller = caller;
            this.source = source;
            this.stop = stop;
            this.done = done;
        }

        void sendNext() {
            if (stop.get()) {
                done.countDown();
                return;
            }
            sentAt = System.nanoTime();
            try {
                clients.callAsync(caller, source.next(), TIMEOUT_MILLIS, this);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                recorder.error();
                done.countDown();
            } catch (Exception e) {
                onFailure(null);
            }
        }

        @Override
        public void onSuccess(RemotingCommand response) {
            if (response.getCode() == ResponseCode.SUCCESS) {
                recorder.record(System.nanoTime() - sentAt);
            } else {
                recorder.error();
            }
            sendNext();
        }

        @Override
        public void onFailure(RemotingException cause) {
            recorder.error();
            // Not at once: a refused connection would fail again immediately, on this stack.
            CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS).execute(this::sendNext);
        }
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

    /**
     * {@code count} calls one after another from one caller, after {@code warmup} uncounted ones;
     * the rate is over the time spent in the calls, so building a request (a fleet broker's
     * registration body, made just before it is sent) is not counted as the server's time.
     */
    static PhaseResult sequential(String name, BenchClients clients, ServerCpu cpu, int warmup, int count,
                                  RequestSource requests) {
        for (int i = 0; i < warmup; i++) {
            callOnce(clients, 0, requests.next(), new LatencyRecorder());
        }
        LatencyRecorder recorder = new LatencyRecorder();
        long cpuBefore = cpu.nanos();
        long inCalls = 0;
        for (int i = 0; i < count; i++) {
            RemotingCommand request = requests.next();
            long t0 = System.nanoTime();
            callOnce(clients, 0, request, recorder);
            inCalls += System.nanoTime() - t0;
        }
        double elapsed = inCalls / 1e9;
        return PhaseResult.of(name, LatencyRecorder.merge(List.of(recorder)), elapsed, cpuBefore, cpu.nanos());
    }
}
