package io.namesrv.remoting.netty;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;

/**
 * Handles requests of the codes it is registered for, on the executor it is registered with.
 * Returning null sends no response.
 */
public interface NettyRequestProcessor {

    RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception;

    /**
     * An answer given at once on the network thread that decoded the request, skipping the
     * executor hop, or null to take the normal queued path. Only for answers that cost about a map
     * read: it must never block or wait for a lock held across real work.
     */
    default RemotingCommand tryProcessInline(Channel channel, RemotingCommand request) {
        return null;
    }

    /** True to refuse new work for a while; the caller then gets SYSTEM_BUSY. */
    default boolean rejectRequest() {
        return false;
    }
}
