package io.namesrv.namesrv.processor;

import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.util.function.BooleanSupplier;

/**
 * Route lookups once shutdown has begun are answered SYSTEM_ERROR "name server not ready", as
 * during the start-up wait, as Apache does after 5.5.1 (#11072, PR #11073): while the server
 * stops, broker connections close and take their brokers out of the tables, so a route answered
 * then could be partial or empty, and a client would believe it. A lookup already past the check
 * finishes normally. Brokers that find their member group through a lookup (105 on
 * {@code rmq_sys_SYNC_BROKER_MEMBER_<name>}) see an empty group, which they ignore.
 */
public final class ShutdownGate implements NettyRequestProcessor {

    static final String NOT_READY = "name server not ready";

    private final NettyRequestProcessor delegate;
    private final BooleanSupplier shuttingDown;

    public ShutdownGate(NettyRequestProcessor delegate, BooleanSupplier shuttingDown) {
        this.delegate = delegate;
        this.shuttingDown = shuttingDown;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        if (shuttingDown.getAsBoolean()) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, NOT_READY);
        }
        return delegate.processRequest(channel, request);
    }

    /** A cached route is not answered either: the queued path gives the error. */
    @Override
    public RemotingCommand tryProcessInline(Channel channel, RemotingCommand request) {
        return shuttingDown.getAsBoolean() ? null : delegate.tryProcessInline(channel, request);
    }

    @Override
    public boolean rejectRequest() {
        return delegate.rejectRequest();
    }
}
