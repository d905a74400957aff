package io.namesrv.namesrv.auth;

import io.namesrv.remoting.protocol.RemotingCommand;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a request may proceed under {@link AclSettings}: codes that need no
 * authentication always pass; the others need a known {@code AccessKey} and the
 * {@code Signature} Apache's {@code AclClientRPCHook} computes with its secret key. The settings
 * can be replaced while requests are checked (the ACL file was edited); each request sees one
 * whole version of them.
 */
public final class RequestAuthenticator {

    private volatile AclSettings settings;

    public RequestAuthenticator(AclSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public AclSettings settings() {
        return settings;
    }

    /** Takes effect for every request checked from now on. */
    public void update(AclSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "newSettings");
    }

    /** Empty if the request may proceed, otherwise the reason it may not (safe to send back). */
    public Optional<String> deny(RemotingCommand request) {
        AclSettings settings = this.settings;
        int code = request.getCode();
        if (!settings.requiresAuth(code)) {
            return Optional.empty();
        }
        Map<String, String> ext = request.getExtFields() == null ? Map.of() : request.getExtFields();
        String accessKey = ext.get(AclSignature.ACCESS_KEY);
        if (accessKey == null || accessKey.isEmpty()) {
            return Optional.of("request code " + code + " needs authentication: no AccessKey"
                + " (sign requests with an AclClientRPCHook)");
        }
        String secretKey = settings.secretKeys().get(accessKey);
        if (secretKey == null) {
            return Optional.of("request code " + code + " refused: unknown AccessKey " + accessKey);
        }
        String signature = ext.get(AclSignature.SIGNATURE);
        if (signature == null || signature.isEmpty()) {
            return Optional.of("request code " + code + " refused: no Signature for AccessKey " + accessKey);
        }
        if (!AclSignature.verify(ext, request.getBody(), secretKey, signature)) {
            return Optional.of("request code " + code + " refused: signature check failed for AccessKey "
                + accessKey);
        }
        return Optional.empty();
    }
}
