package io.namesrv.namesrv.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may read the operations endpoint. Open while authentication is off (as the remoting port's
 * reads are). With authentication on ({@code aclConfigPath}), every path but {@code /health} and
 * {@code /ready} (the probes of a supervisor, which carry no secrets) and the address service's
 * {@code /rocketmq/<subgroup>} (Apache's clients and brokers fetch it anonymously; it tells only
 * the remoting addresses they connect to anyway) needs HTTP Basic credentials:
 * an access key of the ACL file as the user and its secret key as the password, the same keys
 * that sign remoting requests, reloaded with the file. Prometheus sends them with
 * {@code basic_auth}, a browser asks for them once for the status page.
 */
public interface HttpAccess {

    /** Paths anyone may ask, authentication or not. */
    Set<String> OPEN_PATHS = Set.of("/health", "/ready");

    /** Everything open. */
    HttpAccess OPEN = authorization -> true;

    /** Whether a request with this {@code Authorization} header (null when absent) may read a protected path. */
    boolean allows(String authorization);

    /** HTTP Basic against the access keys and secret keys {@code secretKeys} gives at each request. */
    static HttpAccess basic(Supplier<Map<String, String>> secretKeys) {
        return authorization -> {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            String secret = secretKeys.get().get(decoded.substring(0, colon));
            // compared in constant time, as the remoting signatures are
            return secret != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        };
    }
}
