package io.namesrv.namesrv.auth;

import io.namesrv.remoting.protocol.RequestCode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may send which requests: the access keys with their secret keys, and the request codes that
 * need a valid signature. Read from the file named by {@code aclConfigPath} in the {@code -c}
 * file (never from the command line, so secrets stay out of {@code ps}):
 * <pre>
 * secretKey.&lt;accessKey&gt;=&lt;secretKey&gt;      one line per access key, at least one
 * authRequiredCodes=100,102,103,...          optional; default: every state-changing code
 * </pre>
 * Any other key is an error, so a typo cannot silently leave a code open.
 */
public record AclSettings(Map<String, String> secretKeys, Set<Integer> authRequiredCodes) {

    public static final String SECRET_KEY_PREFIX = "secretKey.";
    public static final String AUTH_REQUIRED_CODES = "authRequiredCodes";

    /** The codes that change the name server's state; read-only codes stay open by default. */
    public static final Set<Integer> STATE_CHANGING_CODES = Set.of(
        RequestCode.PUT_KV_CONFIG,
        RequestCode.DELETE_KV_CONFIG,
        RequestCode.REGISTER_BROKER,
        RequestCode.UNREGISTER_BROKER,
        RequestCode.WIPE_WRITE_PERM_OF_BROKER,
        RequestCode.DELETE_TOPIC_IN_NAMESRV,
        RequestCode.REGISTER_TOPIC_IN_NAMESRV,
        RequestCode.UPDATE_NAMESRV_CONFIG,
        RequestCode.ADD_WRITE_PERM_OF_BROKER);

    public AclSettings {
        secretKeys = Map.copyOf(secretKeys);
        authRequiredCodes = Set.copyOf(authRequiredCodes);
    }

    public boolean requiresAuth(int code) {
        return authRequiredCodes.contains(code);
    }

    /** Reads and checks the file; every problem is an {@link IllegalArgumentException} naming it. */
    public static AclSettings load(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** The settings a file's bytes hold; every problem is an {@link IllegalArgumentException} naming it. */
    public static AclSettings parse(byte[] fileContent, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(fileContent)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + ": not UTF-8 text");
        }
        Properties props = new Properties();
        try (Reader in = new StringReader(text)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed unicode escape
            throw new IllegalArgumentException(source + ": not a properties file: " + e.getMessage());
        }
        return parse(props, source);
    }

    static AclSettings parse(Properties props, String source) {
        Map<String, String> secrets = new LinkedHashMap<>();
        Set<Integer> codes = STATE_CHANGING_CODES;
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            String value = props.getProperty(key).trim();
            if (key.startsWith(SECRET_KEY_PREFIX)) {
                String accessKey = key.substring(SECRET_KEY_PREFIX.length());
                if (accessKey.isEmpty() || value.isEmpty()) {
                    throw new IllegalArgumentException(source + ": " + key + " needs an access key after '"
                        + SECRET_KEY_PREFIX + "' and a non-empty secret key");
                }
                secrets.put(accessKey, value);
            } else if (key.equals(AUTH_REQUIRED_CODES)) {
                codes = parseCodes(value, source);
            } else {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "' (expected "
                    + SECRET_KEY_PREFIX + "<accessKey> or " + AUTH_REQUIRED_CODES + ")");
            }
        }
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException(source + ": no " + SECRET_KEY_PREFIX
                + "<accessKey>=<secretKey> line; nobody could change anything");
        }
        return new AclSettings(secrets, codes);
    }

    private static Set<Integer> parseCodes(String value, String source) {
        Set<Integer> codes = new TreeSet<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                codes.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": " + AUTH_REQUIRED_CODES + " holds '" + part.trim()
                    + "', not a request code");
            }
        }
        return codes;
    }

    @Override
    public String toString() {
        // Never print secret keys.
        return "AclSettings[accessKeys=" + new TreeSet<>(secretKeys.keySet()) + ", authRequiredCodes="
            + new TreeSet<>(authRequiredCodes) + "]";
    }
}
