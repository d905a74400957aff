package io.namesrv.remoting.netty;

import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request to the processor registered for its code (or the default one) on that
 * processor's own executor, and writes the answer back: opaque echoed, response flag set,
 * nothing for oneway requests. A full executor answers SYSTEM_BUSY at once, a processor that
 * throws answers SYSTEM_ERROR, an unknown code answers REQUEST_CODE_NOT_SUPPORTED.
 */
public final class RequestDispatcher {

    static final String OVERLOAD_REMARK = "[OVERLOAD]system busy, start flow control for a while";
    static final String REJECT_REMARK = "[REJECTREQUEST]system busy, start flow control for a while";

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqRemoting");

    private record Registration(NettyRequestProcessor processor, ExecutorService executor) {
    }

    private final Map<Integer, Registration> processors = new ConcurrentHashMap<>();
    private final WireIdentity identity;
    private volatile Registration defaultRegistration;
    private volatile RequestListener listener = RequestListener.NONE;

    public RequestDispatcher(WireIdentity identity) {
        this.identity = identity;
    }

    public void register(int requestCode, NettyRequestProcessor processor, ExecutorService executor) {
        processors.put(requestCode, new Registration(processor, executor));
    }

    public void registerDefault(NettyRequestProcessor processor, ExecutorService executor) {
        defaultRegistration = new Registration(processor, executor);
    }

    /** Replaces the listener told about every finished request (null means none). */
    public void setListener(RequestListener listener) {
        this.listener = listener == null ? RequestListener.NONE : listener;
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
        try {
            registration.executor().execute(new RequestTask(
                () -> process(registration.processor(), channel, request, startNanos), System.currentTimeMillis()));
        } catch (RejectedExecutionException e) {
            LOG.warn("too many requests and the executor is busy, code {} from {} rejected", request.getCode(),
                RemotingHelper.remoteAddr(channel));
            answer(channel, request, RemotingCommand.response(ResponseCode.SYSTEM_BUSY, OVERLOAD_REMARK), startNanos);
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
