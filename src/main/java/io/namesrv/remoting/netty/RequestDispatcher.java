package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.FatalErrorListener;
import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.ThrottledLog;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request to the processor registered for its code (or the default one) on that
 * processor's own executor, and writes the answer back: opaque echoed, response flag set,
 * nothing for oneway requests. A full executor answers SYSTEM_BUSY at once, a processor that
 * throws answers SYSTEM_ERROR, an unknown code answers REQUEST_CODE_NOT_SUPPORTED.
 *
 * <p>Overload bounds: a connection with {@code maxPendingPerConnection} requests queued or running
 * gets SYSTEM_BUSY for more, so one client cannot fill a shared queue alone. A request that waited
 * in the queue past {@code maxQueueWaitMillis}, or whose connection closed meanwhile, is dropped
 * unanswered: no one is waiting for the answer any more, and processing it would only delay the
 * requests behind it. A connection that does not read its answers (more than
 * {@code maxUnsentBytesPerConnection} of them waiting to be sent) is closed: reading from it has
 * already stopped (autoRead follows writability), but the requests it had sent before would
 * otherwise pile their answers up in memory.
 */
public final class RequestDispatcher {

    /** A header this large (ext fields, remark) is held against the in-flight budget like a body. */
    static final long LARGE_HEADER_BYTES = 64 * 1024;

    static final String OVERLOAD_REMARK = "[OVERLOAD]system busy, start flow control for a while";
    static final String REJECT_REMARK = "[REJECTREQUEST]system busy, start flow control for a while";

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);

    /**
     * A processor, its executor, how long its requests may wait queued (negative: the default), and
     * the bytes of request bodies it may hold queued or in progress (null: no bound).
     */
    private record Registration(NettyRequestProcessor processor, ExecutorService executor, long maxQueueWaitMillis,
                                BodyBudget bodies) {
    }

    private final Map<Integer, Registration> processors = new ConcurrentHashMap<>();
    /** Rejections and drops come in floods: one line a second says enough. */
    private static final long OVERLOAD_LOG_INTERVAL_MILLIS = 1000;
    private static final AttributeKey<AtomicInteger> PENDING = AttributeKey.valueOf("namesrv.pendingRequests");

    private final WireIdentity identity;
    private final int maxPendingPerConnection;
    private final long maxQueueWaitMillis;
    private final long maxUnsentBytesPerConnection;
    /** Wall-clock millis for queue waits (injectable, as RouteInfoManager's is, so tests need no sleeping). */
    private final LongSupplier clock;
    private final LongAdder droppedStale = new LongAdder();
    private final ThrottledLog overloadLog = new ThrottledLog(LOG, OVERLOAD_LOG_INTERVAL_MILLIS);
    private volatile Registration defaultRegistration;
    private volatile RequestListener listener = RequestListener.NONE;
    private volatile FatalErrorListener fatalErrors = FatalErrorListener.NONE;

    /** No per-connection bound, no queue-wait limit. */
    public RequestDispatcher(WireIdentity identity) {
        this(identity, 0, 0, 0);
    }

    /** Bounds of 0 or less are off. */
    public RequestDispatcher(WireIdentity identity, int maxPendingPerConnection, long maxQueueWaitMillis,
                             long maxUnsentBytesPerConnection) {
        this(identity, maxPendingPerConnection, maxQueueWaitMillis, maxUnsentBytesPerConnection,
            System::currentTimeMillis);
    }

    /** As above, measuring queue waits with {@code clock} (milliseconds). */
    public RequestDispatcher(WireIdentity identity, int maxPendingPerConnection, long maxQueueWaitMillis,
                             long maxUnsentBytesPerConnection, LongSupplier clock) {
        this.clock = clock;
        this.identity = identity;
        this.maxPendingPerConnection = maxPendingPerConnection;
        this.maxQueueWaitMillis = maxQueueWaitMillis;
        this.maxUnsentBytesPerConnection = maxUnsentBytesPerConnection;
    }

    public void register(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        processors.put(requestCode, new Registration(processor, executor, -1, null));
    }

    public void registerDefault(NettyRequestProcessor processor, ExecutorService executor) {
        registerDefault(processor, executor, -1);
    }

    /**
     * The default processor with its own queue-wait limit, for callers that wait longer than the
     * usual few seconds (0 turns the limit off for it; negative uses the dispatcher's).
     */
    public void registerDefault(NettyRequestProcessor processor, ExecutorService executor, long maxQueueWaitMillis) {
        defaultRegistration = new Registration(processor, executor, maxQueueWaitMillis, null);
    }

    /**
     * As above, holding at most {@code maxBodyBytesInFlight} bytes of request bodies queued or in
     * progress (registrations carry up to a frame of topics each); a request that does not fit is
     * answered SYSTEM_BUSY at once.
     */
    public void registerDefault(NettyRequestProcessor processor, ExecutorService executor, long maxQueueWaitMillis,
                                long maxBodyBytesInFlight) {
        defaultRegistration = new Registration(processor, executor, maxQueueWaitMillis,
            new BodyBudget(maxBodyBytesInFlight));
    }

    /** Replaces the listener told about every finished request (null means none). */
    public void setListener(RequestListener listener) {
        this.listener = listener == null ? RequestListener.NONE : listener;
    }

    /** Told when processing a request ran out of heap (null means none). */
    public void setFatalErrorListener(FatalErrorListener listener) {
        this.fatalErrors = listener == null ? FatalErrorListener.NONE : listener;
    }

    public void dispatch(Channel channel, RemotingCommand request) {
        long startNanos = System.nanoTime();
        Registration registration = processors.getOrDefault(request.getCode(), defaultRegistration);
        if (registration == null) {
            answer(channel, request, RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported"), startNanos);
            return;
        }
        if (registration.processor().rejectRequest()) {
            answer(channel, request, RemotingCommand.response(ResponseCode.SYSTEM_BUSY, REJECT_REMARK), startNanos);
            return;
        }
        RemotingCommand inline = inlineAnswer(registration.processor(), channel, request);
        if (inline != null) {
            answer(channel, request, inline, startNanos);
            return;
        }
        AtomicInteger pending = pendingOf(channel);
        if (pending.incrementAndGet() > maxPendingPerConnection && maxPendingPerConnection > 0) {
            pending.decrementAndGet();
            overloadLog.warn("connection {} has {} requests pending, code {} rejected", RemotingHelper.remoteAddr(channel),
                maxPendingPerConnection, request.getCode());
            answer(channel, request, RemotingCommand.response(ResponseCode.SYSTEM_BUSY, OVERLOAD_REMARK), startNanos);
            return;
        }
        long heldBytes = bytesHeld(registration, request);
        BodyBudget bodies = heldBytes == 0 ? null : budgetFor(registration);
        if (bodies != null && !bodies.tryAcquire(heldBytes)) {
            pending.decrementAndGet();
            overloadLog.warn("{} bytes of request bodies and large headers already queued or in progress (limit {}):"
                + " code {} from {} with {} bytes rejected", bodies.held(), bodies.maxBytes(), request.getCode(),
                RemotingHelper.remoteAddr(channel), heldBytes);
            answer(channel, request, RemotingCommand.response(ResponseCode.SYSTEM_BUSY, OVERLOAD_REMARK), startNanos);
            return;
        }
        long createdAt = clock.getAsLong();
        try {
            registration.executor().execute(new RequestTask(
                () -> runQueued(registration, channel, request, createdAt, pending, startNanos, bodies, heldBytes),
                createdAt));
        } catch (RejectedExecutionException e) {
            if (bodies != null) {
                bodies.release(heldBytes);
            }
            pending.decrementAndGet();
            overloadLog.warn("too many requests and the executor is busy, code {} from {} rejected", request.getCode(),
                RemotingHelper.remoteAddr(channel));
            answer(channel, request, RemotingCommand.response(ResponseCode.SYSTEM_BUSY, OVERLOAD_REMARK), startNanos);
        }
    }

    /** Requests dropped so far because they waited too long or their connection closed. */
    public long droppedStaleRequests() {
        return droppedStale.sum();
    }

    private static AtomicInteger pendingOf(Channel channel) {
        AtomicInteger pending = channel.attr(PENDING).get();
        if (pending == null) {
            AtomicInteger fresh = new AtomicInteger();
            pending = channel.attr(PENDING).setIfAbsent(fresh);
            if (pending == null) {
                pending = fresh;
            }
        }
        return pending;
    }

    /**
     * Bytes a queued request holds against the budget: its body where its executor has a budget,
     * and its header when that is large (a header up to serverMaxRequestHeaderBytes, whatever the
     * executor: without this, requests pipelined with headers just under that limit on many
     * connections were held without bound). Ordinary headers hold nothing, so lookups and
     * heartbeats never wait for big registrations.
     */
    private static long bytesHeld(Registration registration, RemotingCommand request) {
        long body = registration.bodies() != null ? request.bodyLength() : 0;
        long header = CommandSizeEstimator.estimate(request) - request.bodyLength();
        return body + (header >= LARGE_HEADER_BYTES ? header : 0);
    }

    /** The budget a request of this registration holds: its own, else the default executor's. */
    private BodyBudget budgetFor(Registration registration) {
        if (registration.bodies() != null) {
            return registration.bodies();
        }
        Registration fallback = defaultRegistration;
        return fallback == null ? null : fallback.bodies();
    }

    private void runQueued(Registration registration, Channel channel, RemotingCommand request, long createdAt,
                           AtomicInteger pending, long startNanos, BodyBudget bodies, long heldBytes) {
        try {
            long waited = clock.getAsLong() - createdAt;
            long maxWait = registration.maxQueueWaitMillis() < 0 ? maxQueueWaitMillis : registration.maxQueueWaitMillis();
            if (maxWait > 0 && waited > maxWait) {
                droppedStale.increment();
                overloadLog.warn("request code {} opaque {} from {} waited {} ms in the queue (limit {} ms), dropped unanswered: "
                    + "its caller has timed out", request.getCode(), request.getOpaque(),
                    RemotingHelper.remoteAddr(channel), waited, maxWait);
                report(request, RequestListener.NO_RESPONSE, startNanos);
                return;
            }
            if (!request.isOneway() && !channel.isActive()) {
                droppedStale.increment();
                overloadLog.warn("request code {} opaque {} from {} dropped: the connection closed while it was queued",
                    request.getCode(), request.getOpaque(), RemotingHelper.remoteAddr(channel));
                report(request, RequestListener.NO_RESPONSE, startNanos);
                return;
            }
            process(registration.processor(), channel, request, startNanos);
        } finally {
            if (bodies != null) {
                bodies.release(heldBytes);
            }
            pending.decrementAndGet();
        }
    }

    /** The processor's immediate answer, or null (also when it failed: the queued path retries it). */
    private static RemotingCommand inlineAnswer(NettyRequestProcessor processor, Channel channel, RemotingCommand request) {
        try {
            return processor.tryProcessInline(channel, request);
        } catch (RuntimeException e) {
            LOG.debug("inline answer to code {} failed, queueing it: {}", request.getCode(), e.toString());
            return null;
        }
    }

    private void process(NettyRequestProcessor processor, Channel channel, RemotingCommand request, long startNanos) {
        RemotingCommand response;
        try {
            response = processor.processRequest(channel, request);
        } catch (Throwable e) {
            if (FatalErrorListener.isFatal(e)) {
                fatalErrors.onFatalError("request code " + request.getCode() + " from " + RemotingHelper.remoteAddr(channel), e);
            }
            LOG.error("process request code {} from {} failed", request.getCode(), RemotingHelper.remoteAddr(channel), e);
            response = RemotingCommand.response(ResponseCode.SYSTEM_ERROR, RemotingHelper.exceptionSimpleDesc(e));
        }
        if (response != null) {
            answer(channel, request, response, startNanos);
        } else {
            report(request, RequestListener.NO_RESPONSE, startNanos);
        }
    }

    private void report(RemotingCommand request, int responseCode, long startNanos) {
        try {
            listener.onRequestDone(request.getCode(), responseCode, System.nanoTime() - startNanos);
        } catch (RuntimeException e) {
            LOG.warn("request listener failed", e);
        }
    }

    private void answer(Channel channel, RemotingCommand request, RemotingCommand response, long startNanos) {
        if (request.isOneway()) {
            report(request, RequestListener.NO_RESPONSE, startNanos);
            return;
        }
        if (!channel.isActive()) {
            // The caller hung up (a timeout, a restart) before its answer was ready: nobody to answer.
            // A closed channel is never writable either, so this must come before the unsent-bytes check.
            LOG.debug("{} closed before its answer (code {}, opaque {})", RemotingHelper.remoteAddr(channel),
                request.getCode(), request.getOpaque());
            report(request, RequestListener.NO_RESPONSE, startNanos);
            return;
        }
        long unsent = channel.isWritable() ? 0 : channel.bytesBeforeWritable();
        if (maxUnsentBytesPerConnection > 0 && unsent > maxUnsentBytesPerConnection) {
            overloadLog.warn("connection {} does not read its answers ({} bytes unsent), closing it",
                RemotingHelper.remoteAddr(channel), unsent);
            report(request, RequestListener.NO_RESPONSE, startNanos);
            channel.close();
            return;
        }
        report(request, response.getCode(), startNanos);
        response.setOpaque(request.getOpaque());
        response.markResponseType();
        response.setVersion(identity.version());
        response.setSerializeTypeCurrentRPC(identity.serializeType());
        channel.writeAndFlush(response).addListener(f -> {
            if (!f.isSuccess()) {
                LOG.warn("response to {} (code {}, opaque {}) not written: {}", RemotingHelper.remoteAddr(channel),
                    request.getCode(), request.getOpaque(), String.valueOf(f.cause()));
            }
        });
    }
}
