package io.namesrv.namesrv.auth;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link RequestAuthenticator} in front of a processor: a refused request is answered with
 * NO_PERMISSION (16) and its reason, and never reaches the processor, so it changes nothing.
 */
public final class AuthenticatingProcessor implements NettyRequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    private final RequestAuthenticator authenticator;
    private final NettyRequestProcessor delegate;

    public AuthenticatingProcessor(RequestAuthenticator authenticator, NettyRequestProcessor delegate) {
        this.authenticator = authenticator;
        this.delegate = delegate;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        Optional<String> denied = authenticator.deny(request);
        if (denied.isPresent()) {
            LOG.warn("refused request from {}: {}", RemotingHelper.remoteAddr(channel), denied.get());
            return RemotingCommand.response(ResponseCode.NO_PERMISSION, denied.get());
        }
        return delegate.processRequest(channel, request);
    }

    /** Cheap answers (cached routes) stay on the fast path when the request needs no signature. */
    @Override
    public RemotingCommand tryProcessInline(Channel channel, RemotingCommand request) {
        return authenticator.deny(request).isPresent() ? null : delegate.tryProcessInline(channel, request);
    }

    @Override
    public boolean rejectRequest() {
        return delegate.rejectRequest();
    }
}
