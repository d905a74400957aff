package io.namesrv.namesrv.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.junit.jupiter.api.Test;

class AuthenticatingProcessorTest {

    private final List<RemotingCommand> reached = new ArrayList<>();
    private final RemotingCommand ok = RemotingCommand.response(ResponseCode.SUCCESS, null);
    private final NettyRequestProcessor delegate = new NettyRequestProcessor() {
        @Override
        public RemotingCommand processRequest(Channel channel, RemotingCommand request) {
            reached.add(request);
            return ok;
        }

        @Override
        public boolean rejectRequest() {
            return true;
        }
    };
    private final AuthenticatingProcessor processor = new AuthenticatingProcessor(
        new RequestAuthenticator(new AclSettings(Map.of("admin", "sk"), AclSettings.STATE_CHANGING_CODES)), delegate);

    @Test
    void refusedRequestGetsNoPermissionAndNeverReachesTheProcessor() throws Exception {
        RemotingCommand response = processor.processRequest(null,
            ApacheSignedRequests.signed(RequestCode.WIPE_WRITE_PERM_OF_BROKER, null, null,
                new SessionCredentials("admin", "wrong")));
        assertEquals(ResponseCode.NO_PERMISSION, response.getCode());
        assertTrue(response.getRemark().contains("signature check failed for AccessKey admin"));
        assertTrue(reached.isEmpty());
    }

    @Test
    void allowedRequestsReachTheProcessor() throws Exception {
        RemotingCommand signed = ApacheSignedRequests.signed(RequestCode.WIPE_WRITE_PERM_OF_BROKER, null, null,
            new SessionCredentials("admin", "sk"));
        assertSame(ok, processor.processRequest(null, signed));
        RemotingCommand open = new RemotingCommand().setCode(RequestCode.GET_ROUTEINFO_BY_TOPIC);
        assertSame(ok, processor.processRequest(null, open));
        assertEquals(List.of(signed, open), reached);
    }

    @Test
    void flowControlIsTheDelegatesOwn() {
        assertTrue(processor.rejectRequest());
    }
}
