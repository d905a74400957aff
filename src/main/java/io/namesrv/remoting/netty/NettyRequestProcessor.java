package io.namesrv.remoting.netty;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;

/**
 * Handles requests of the codes it is registered for, on the executor it is registered with.
 * Returning null sends no response.
 */
public interface NettyRequestProcessor {

    RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception;

    /** True to refuse new work for a while; the caller then gets SYSTEM_BUSY. */
    default boolean rejectRequest() {
        return false;
    }
}
