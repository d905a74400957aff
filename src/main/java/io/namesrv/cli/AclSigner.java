package io.namesrv.cli;

import io.namesrv.remoting.protocol.RemotingCommand;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as Apache's {@code AclClientRPCHook} does, so a server that checks Apache's ACL
 * signatures accepts ours: add {@code AccessKey}, then HMAC-SHA1 (key = the secret key's UTF-8
 * bytes) over the values of every ext field in key order followed by the body, Base64-encoded
 * into {@code Signature}.
 */
public final class AclSigner {

    static final String ACCESS_KEY = "AccessKey";
    static final String SIGNATURE = "Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private final String accessKey;
    private final String secretKey;

    public AclSigner(String accessKey, String secretKey) {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("both an access key and a secret key are needed to sign");
        }
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Adds {@code AccessKey} and {@code Signature} to the request's ext fields. */
    public void sign(RemotingCommand request) {
        request.addExtField(ACCESS_KEY, accessKey);
        request.addExtField(SIGNATURE, signature(request.getExtFields(), request.getBody()));
    }

    String signature(Map<String, String> extFields, byte[] body) {
        StringBuilder values = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(extFields).entrySet()) {
            if (!SIGNATURE.equals(e.getKey()) && e.getValue() != null) {
                values.append(e.getValue());
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(values.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            content.writeBytes(body);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
