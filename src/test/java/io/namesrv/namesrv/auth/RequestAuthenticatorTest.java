package io.namesrv.namesrv.auth;

import static io.namesrv.namesrv.auth.ApacheSignedRequests.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import org.junit.jupiter.api.Test;

/** Every way a request can fail authentication, with requests signed by Apache's own hook. */
class RequestAuthenticatorTest {

    private static final RequestAuthenticator AUTH = new RequestAuthenticator(
        new AclSettings(Map.of("admin", "right-secret", "broker", "broker-secret"), AclSettings.STATE_CHANGING_CODES));
    private static final byte[] BODY = "orderMessageEnable=true".getBytes(StandardCharsets.UTF_8);

    private static PutKVConfigRequestHeader kv() {
        PutKVConfigRequestHeader h = new PutKVConfigRequestHeader();
        h.setNamespace("ns");
        h.setKey("k");
        h.setValue("v");
        return h;
    }

    @Test
    void correctlySignedRequestsPass() {
        assertEquals(Optional.empty(), AUTH.deny(signed(RequestCode.PUT_KV_CONFIG, kv(), null,
            new SessionCredentials("admin", "right-secret"))));
        assertEquals(Optional.empty(), AUTH.deny(signed(RequestCode.UPDATE_NAMESRV_CONFIG, null, BODY,
            new SessionCredentials("broker", "broker-secret"))));
    }

    @Test
    void wrongSecretIsRefused() {
        Optional<String> denied = AUTH.deny(signed(RequestCode.PUT_KV_CONFIG, kv(), null,
            new SessionCredentials("admin", "wrong-secret")));
        assertEquals(Optional.of("request code 100 refused: signature check failed for AccessKey admin"), denied);
    }

    @Test
    void anotherKeysSecretIsRefused() {
        assertTrue(AUTH.deny(signed(RequestCode.PUT_KV_CONFIG, kv(), null,
            new SessionCredentials("admin", "broker-secret"))).isPresent());
    }

    @Test
    void unknownAccessKeyIsRefused() {
        assertEquals(Optional.of("request code 100 refused: unknown AccessKey stranger"),
            AUTH.deny(signed(RequestCode.PUT_KV_CONFIG, kv(), null, new SessionCredentials("stranger", "x"))));
    }

    @Test
    void tamperedFieldIsRefused() {
        RemotingCommand request = signed(RequestCode.PUT_KV_CONFIG, kv(), null,
            new SessionCredentials("admin", "right-secret"));
        Map<String, String> ext = new HashMap<>(request.getExtFields());
        ext.put("value", "evil");
        request.setExtFields(ext);
        assertTrue(AUTH.deny(request).orElseThrow().contains("signature check failed"));
    }

    @Test
    void addedFieldIsRefused() {
        WipeWritePermOfBrokerRequestHeader h = new WipeWritePermOfBrokerRequestHeader();
        h.setBrokerName("broker-a");
        RemotingCommand request = signed(RequestCode.WIPE_WRITE_PERM_OF_BROKER, h, null,
            new SessionCredentials("admin", "right-secret"));
        request.addExtField("brokerName2", "broker-b");
        assertTrue(AUTH.deny(request).isPresent());
    }

    @Test
    void tamperedBodyIsRefused() {
        RemotingCommand request = signed(RequestCode.UPDATE_NAMESRV_CONFIG, null, BODY,
            new SessionCredentials("admin", "right-secret"));
        request.setBody("kvConfigPath=/etc/passwd".getBytes(StandardCharsets.UTF_8));
        assertTrue(AUTH.deny(request).orElseThrow().contains("signature check failed"));
        request.setBody(null);
        assertTrue(AUTH.deny(request).isPresent(), "a dropped body must not verify either");
    }

    @Test
    void missingSignatureIsRefused() {
        RemotingCommand request = signed(RequestCode.PUT_KV_CONFIG, kv(), null,
            new SessionCredentials("admin", "right-secret"));
        Map<String, String> ext = new HashMap<>(request.getExtFields());
        ext.remove(AclSignature.SIGNATURE);
        request.setExtFields(ext);
        assertEquals(Optional.of("request code 100 refused: no Signature for AccessKey admin"), AUTH.deny(request));
    }

    @Test
    void unsignedRequestIsRefusedWithAClearRemark() {
        assertEquals(Optional.of("request code 100 needs authentication: no AccessKey (sign requests with an"
            + " AclClientRPCHook)"), AUTH.deny(signed(RequestCode.PUT_KV_CONFIG, kv(), null, null)));
        RemotingCommand bare = new RemotingCommand().setCode(RequestCode.DELETE_KV_CONFIG);
        assertTrue(AUTH.deny(bare).isPresent(), "no ext fields at all");
    }

    @Test
    void everyStateChangingCodeIsGuardedByDefault() {
        for (int code : new int[] {100, 102, 103, 104, 205, 216, 217, 318, 327}) {
            assertTrue(AUTH.deny(new RemotingCommand().setCode(code)).isPresent(), "code " + code);
        }
    }

    @Test
    void readOnlyCodesStayOpenUnlessConfigured() {
        for (int code : new int[] {101, 105, 106, 206, 219, 319, 322, 904}) {
            assertEquals(Optional.empty(), AUTH.deny(new RemotingCommand().setCode(code)), "code " + code);
        }
        RequestAuthenticator strict = new RequestAuthenticator(new AclSettings(Map.of("a", "s"), Set.of(105)));
        assertTrue(strict.deny(new RemotingCommand().setCode(105)).isPresent());
        assertEquals(Optional.empty(), strict.deny(new RemotingCommand().setCode(100)));
    }
}
