package io.namesrv.namesrv.auth;

import static io.namesrv.namesrv.auth.ApacheSignedRequests.apacheRequest;
import static io.namesrv.namesrv.auth.ApacheSignedRequests.onOurSide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.apache.rocketmq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Our signature is byte for byte the one Apache's {@code AclClientRPCHook} sends. */
class AclSignatureTest {

    private static final SessionCredentials ADMIN = new SessionCredentials("admin-ak", "admin-sk");

    private static PutKVConfigRequestHeader kv(String value) {
        PutKVConfigRequestHeader h = new PutKVConfigRequestHeader();
        h.setNamespace("ns");
        h.setKey("key-é中");
        h.setValue(value);
        return h;
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void apacheSignatureVerifiesAfterTheWireInBothHeaderFormats(SerializeType type) {
        byte[] body = "enableTopicList=false\nnon-ASCII=é中😀".getBytes(StandardCharsets.UTF_8);
        RemotingCommand request = onOurSide(apacheRequest(RequestCode.PUT_KV_CONFIG, kv("v"), body, ADMIN), type);

        String sent = request.extField(AclSignature.SIGNATURE);
        assertEquals(sent, AclSignature.sign(request.getExtFields(), request.getBody(), "admin-sk"));
        assertTrue(AclSignature.verify(request.getExtFields(), request.getBody(), "admin-sk", sent));
        assertEquals("admin-ak", request.extField(AclSignature.ACCESS_KEY));
    }

    @Test
    void theSchemeIsHmacSha1OverSortedValuesThenBody() {
        org.apache.rocketmq.remoting.protocol.RemotingCommand apache =
            apacheRequest(RequestCode.PUT_KV_CONFIG, kv("v"), "B".getBytes(StandardCharsets.UTF_8), ADMIN);
        // Keys sorted: AccessKey, key, namespace, value (upper case sorts first); then the body.
        String content = "admin-ak" + "key-é中" + "ns" + "v" + "B";
        assertEquals(apache.getExtFields().get("Signature"), hmacSha1Base64(content, "admin-sk"));
    }

    @Test
    void securityTokenIsSignedLikeAnyOtherField() {
        SessionCredentials withToken = new SessionCredentials("admin-ak", "admin-sk", "token-1");
        RemotingCommand request = ApacheSignedRequests.signed(RequestCode.UPDATE_NAMESRV_CONFIG, null, null, withToken);
        assertEquals("token-1", request.extField(AclSignature.SECURITY_TOKEN));
        assertTrue(AclSignature.verify(request.getExtFields(), null, "admin-sk",
            request.extField(AclSignature.SIGNATURE)));

        Map<String, String> tampered = new HashMap<>(request.getExtFields());
        tampered.put(AclSignature.SECURITY_TOKEN, "token-2");
        assertFalse(AclSignature.verify(tampered, null, "admin-sk", request.extField(AclSignature.SIGNATURE)));
    }

    @Test
    void nullAndEmptyBodySignTheSame() {
        Map<String, String> ext = Map.of(AclSignature.ACCESS_KEY, "a");
        assertEquals(AclSignature.sign(ext, null, "s"), AclSignature.sign(ext, new byte[0], "s"));
    }

    @Test
    void aMissingSignatureNeverVerifies() {
        assertFalse(AclSignature.verify(Map.of(AclSignature.ACCESS_KEY, "a"), null, "s", null));
    }

    private static String hmacSha1Base64(String content, String key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
