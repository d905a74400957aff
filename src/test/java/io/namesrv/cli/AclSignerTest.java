package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.junit.jupiter.api.Test;

/** Our request signature must be exactly what Apache's AclClientRPCHook puts on the same request. */
class AclSignerTest {

    private static final String AK = "rocketmq2";
    private static final String SK = "12345678";

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand apacheSigned(int code, Map<String, String> ext,
                                                                                    byte[] body) {
        var cmd = org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, null);
        ext.forEach(cmd::addExtField);
        cmd.setBody(body);
        new AclClientRPCHook(new SessionCredentials(AK, SK)).doBeforeRequest("127.0.0.1:9876", cmd);
        return cmd;
    }

    private static RemotingCommand oursSigned(RemotingCommand cmd) {
        new AclSigner(AK, SK).sign(cmd);
        return cmd;
    }

    @Test
    void headerOnlyRequestIsSignedLikeApache() {
        RemotingCommand ours = oursSigned(RemotingCommand.request(RequestCode.PUT_KV_CONFIG,
            new PutKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4;broker-b:4")));
        var apache = apacheSigned(RequestCode.PUT_KV_CONFIG,
            Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "TopicA", "value", "broker-a:4;broker-b:4"), null);

        assertNotNull(ours.extField("Signature"));
        assertEquals(apache.getExtFields().get("Signature"), ours.extField("Signature"));
        assertEquals(apache.getExtFields(), ours.getExtFields());
    }

    @Test
    void bodyAndNonAsciiValuesAreSignedLikeApache() {
        byte[] body = "orderMessageEnable=true\n".getBytes(StandardCharsets.UTF_8);
        RemotingCommand ours = oursSigned(RemotingCommand.request(RequestCode.UPDATE_NAMESRV_CONFIG, null).setBody(body));
        var apache = apacheSigned(RequestCode.UPDATE_NAMESRV_CONFIG, Map.of(), body);
        assertEquals(apache.getExtFields().get("Signature"), ours.extField("Signature"));

        RemotingCommand unicode = oursSigned(RemotingCommand.request(RequestCode.PUT_KV_CONFIG,
            new PutKVConfigRequestHeader("命名空间", "ключ", "välue")));
        var apacheUnicode = apacheSigned(RequestCode.PUT_KV_CONFIG,
            Map.of("namespace", "命名空间", "key", "ключ", "value", "välue"), null);
        assertEquals(apacheUnicode.getExtFields().get("Signature"), unicode.extField("Signature"));
    }

    @Test
    void bothKeysAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new AclSigner("ak", ""));
        assertThrows(IllegalArgumentException.class, () -> new AclSigner(null, "sk"));
    }
}
