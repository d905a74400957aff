package io.namesrv.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.CommandLine;

/**
 * Where mqadmin finds the ACL keys to sign with. A secret on the command line is visible to every
 * user of the machine ({@code ps}), so it may also come from a file or the environment:
 * <ul>
 *   <li>access key: {@code -a/--accessKey} ({@code --accessKey} only where the command has its own
 *       {@code -a}), else {@code $MQADMIN_ACCESS_KEY};</li>
 *   <li>secret key: {@code --secretKey}, else the first line of {@code --secretKeyFile}, else
 *       {@code $MQADMIN_SECRET_KEY}.</li>
 * </ul>
 * Neither given: requests go unsigned. Only one of the two: a usage error.
 */
final class Credentials {

    static final String ACCESS_KEY_ENV = "MQADMIN_ACCESS_KEY";
    static final String SECRET_KEY_ENV = "MQADMIN_SECRET_KEY";

    private Credentials() {
    }

    /** The signer the options and environment ask for, or null to send unsigned requests. */
    static AclSigner signer(CommandLine line, Map<String, String> environment) throws CliException {
        String ak = first(line.getOptionValue(CommonOptions.ACCESS_KEY_LONG), environment.get(ACCESS_KEY_ENV));
        String sk = first(line.getOptionValue(CommonOptions.SECRET_KEY), secretFromFile(line),
            environment.get(SECRET_KEY_ENV));
        if (ak == null && sk == null) {
            return null;
        }
        if (ak == null) {
            throw CliException.usage("a secret key was given but no access key: add -a/--accessKey (or set "
                + ACCESS_KEY_ENV + ")");
        }
        if (sk == null) {
            throw CliException.usage("signing needs a secret key too: --secretKey, --secretKeyFile or " + SECRET_KEY_ENV);
        }
        return new AclSigner(ak, sk);
    }

    private static String secretFromFile(CommandLine line) throws CliException {
        String file = line.getOptionValue(CommonOptions.SECRET_KEY_FILE);
        if (file == null) {
            return null;
        }
        try {
            String secret = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8).lines().findFirst()
                .map(String::trim).orElse("");
            if (secret.isEmpty()) {
                throw CliException.usage("--secretKeyFile " + file.trim() + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw CliException.usage("cannot read --secretKeyFile " + file.trim() + ": " + e.getMessage());
        }
    }

    /** The first value that is neither null nor blank, trimmed. */
    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.trim();
            }
        }
        return null;
    }
}
