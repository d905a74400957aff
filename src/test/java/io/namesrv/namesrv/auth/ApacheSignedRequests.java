package io.namesrv.namesrv.auth;

import io.namesrv.remoting.netty.NettyDecoder;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.netty.NettyEncoder;
import org.apache.rocketmq.remoting.protocol.SerializeType;

/**
 * Requests as Apache's client sends them: signed by its {@code AclClientRPCHook}, written by its
 * {@code NettyEncoder}, and read back by our decoder, exactly as our server would see them.
 */
final class ApacheSignedRequests {

    private ApacheSignedRequests() {
    }

    /** Apache's command, signed with {@code credentials} (unsigned when they are null). */
    static org.apache.rocketmq.remoting.protocol.RemotingCommand apacheRequest(int code, CommandCustomHeader header,
                                                                               byte[] body,
                                                                               SessionCredentials credentials) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand cmd =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, header);
        cmd.setBody(body);
        if (credentials != null) {
            new AclClientRPCHook(credentials).doBeforeRequest("127.0.0.1:9876", cmd);
        }
        return cmd;
    }

    /** The command as our server decodes it off the wire. */
    static RemotingCommand onOurSide(org.apache.rocketmq.remoting.protocol.RemotingCommand apache, SerializeType type) {
        apache.setSerializeTypeCurrentRPC(type);
        EmbeddedChannel out = new EmbeddedChannel(new NettyEncoder());
        out.writeOutbound(apache);
        ByteBuf frame = out.readOutbound();
        out.finishAndReleaseAll();
        EmbeddedChannel in = new EmbeddedChannel(new NettyDecoder(NettyDecoder.DEFAULT_MAX_FRAME_LENGTH));
        in.writeInbound(frame);
        RemotingCommand ours = in.readInbound();
        in.finishAndReleaseAll();
        return ours;
    }

    static RemotingCommand signed(int code, CommandCustomHeader header, byte[] body, SessionCredentials credentials) {
        return onOurSide(apacheRequest(code, header, body, credentials), SerializeType.JSON);
    }
}
