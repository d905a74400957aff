package io.namesrv.namesrv.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of Apache RocketMQ's {@code AclClientRPCHook} (ACL 1.0), as observed on
 * its output: the values of every ext field except {@code Signature} (so including
 * {@code AccessKey} and, when present, {@code SecurityToken}), taken in the order of their keys,
 * concatenated, encoded as UTF-8, followed by the body bytes; HMAC-SHA1 keyed with the UTF-8 secret
 * key; Base64 (standard alphabet, padded).
 */
public final class AclSignature {

    public static final String ACCESS_KEY = "AccessKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";

    private static final String ALGORITHM = "HmacSHA1";

    private AclSignature() {
    }

    /** The signature Apache's client would send for these ext fields and body. */
    public static String sign(Map<String, String> extFields, byte[] body, String secretKey) {
        TreeMap<String, String> sorted = new TreeMap<>(extFields);
        sorted.remove(SIGNATURE);
        StringBuilder content = new StringBuilder();
        // String.valueOf: Apache appends a null value as "null"; keep that, never throw on it.
        sorted.values().forEach(v -> content.append(String.valueOf(v)));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(content.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                mac.update(body);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
        }
    }

    /** Whether {@code signature} is the right one, compared in constant time. */
    public static boolean verify(Map<String, String> extFields, byte[] body, String secretKey, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(extFields, body, secretKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
