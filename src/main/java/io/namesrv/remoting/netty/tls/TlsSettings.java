package io.namesrv.remoting.netty.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * TLS settings under Apache's keys. {@code tls.server.mode} and {@code tls.enable} come from the
 * given (system) properties only; every other key may be overridden by the file named by
 * {@code tls.config.file} when it exists. Built from a {@link Properties} argument, never from
 * static state, so tests can make any combination.
 */
public record TlsSettings(
    TlsMode serverMode,
    boolean tlsEnable,
    String configFile,
    boolean testModeEnable,
    String serverNeedClientAuth,
    String serverKeyPath,
    String serverKeyPassword,
    String serverCertPath,
    boolean serverAuthClient,
    String serverTrustCertPath,
    String clientKeyPath,
    String clientKeyPassword,
    String clientCertPath,
    boolean clientAuthServer,
    String clientTrustCertPath,
    List<String> ciphers,
    List<String> protocols) {

    public static final String TLS_SERVER_MODE = "tls.server.mode";
    public static final String TLS_ENABLE = "tls.enable";
    public static final String TLS_CONFIG_FILE = "tls.config.file";
    public static final String TLS_TEST_MODE_ENABLE = "tls.test.mode.enable";
    public static final String TLS_SERVER_NEED_CLIENT_AUTH = "tls.server.need.client.auth";
    public static final String TLS_SERVER_KEYPATH = "tls.server.keyPath";
    public static final String TLS_SERVER_KEYPASSWORD = "tls.server.keyPassword";
    public static final String TLS_SERVER_CERTPATH = "tls.server.certPath";
    public static final String TLS_SERVER_AUTHCLIENT = "tls.server.authClient";
    public static final String TLS_SERVER_TRUSTCERTPATH = "tls.server.trustCertPath";
    public static final String TLS_CLIENT_KEYPATH = "tls.client.keyPath";
    public static final String TLS_CLIENT_KEYPASSWORD = "tls.client.keyPassword";
    public static final String TLS_CLIENT_CERTPATH = "tls.client.certPath";
    public static final String TLS_CLIENT_AUTHSERVER = "tls.client.authServer";
    public static final String TLS_CLIENT_TRUSTCERTPATH = "tls.client.trustCertPath";
    public static final String TLS_CIPHERS = "tls.ciphers";
    public static final String TLS_PROTOCOLS = "tls.protocols";

    public static final String DEFAULT_CONFIG_FILE = "/etc/rocketmq/tls.properties";

    public TlsSettings {
        serverMode = serverMode == null ? TlsMode.PERMISSIVE : serverMode;
        serverNeedClientAuth = serverNeedClientAuth == null ? "none" : serverNeedClientAuth;
        ciphers = ciphers == null ? List.of() : List.copyOf(ciphers);
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
    }

    /** Settings from the process's system properties (and the config file they point to). */
    public static TlsSettings fromSystemProperties() throws IOException {
        return load(System.getProperties());
    }

    /**
     * Settings from {@code props}, then from the config file they name (if it exists), which
     * wins for every key but the server mode and {@code tls.enable}.
     */
    public static TlsSettings load(Properties props) throws IOException {
        String configFile = props.getProperty(TLS_CONFIG_FILE, DEFAULT_CONFIG_FILE);
        Properties merged = new Properties();
        merged.putAll(props);
        Path file = Path.of(configFile);
        if (Files.isRegularFile(file)) {
            Properties fromFile = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                fromFile.load(in);
            }
            fromFile.remove(TLS_SERVER_MODE);
            fromFile.remove(TLS_ENABLE);
            fromFile.remove(TLS_CONFIG_FILE);
            merged.putAll(fromFile);
        }
        return new TlsSettings(
            TlsMode.parse(props.getProperty(TLS_SERVER_MODE, "permissive")),
            Boolean.parseBoolean(props.getProperty(TLS_ENABLE, "false")),
            configFile,
            Boolean.parseBoolean(merged.getProperty(TLS_TEST_MODE_ENABLE, "true")),
            merged.getProperty(TLS_SERVER_NEED_CLIENT_AUTH, "none"),
            blankToNull(merged.getProperty(TLS_SERVER_KEYPATH)),
            blankToNull(merged.getProperty(TLS_SERVER_KEYPASSWORD)),
            blankToNull(merged.getProperty(TLS_SERVER_CERTPATH)),
            Boolean.parseBoolean(merged.getProperty(TLS_SERVER_AUTHCLIENT, "false")),
            blankToNull(merged.getProperty(TLS_SERVER_TRUSTCERTPATH)),
            blankToNull(merged.getProperty(TLS_CLIENT_KEYPATH)),
            blankToNull(merged.getProperty(TLS_CLIENT_KEYPASSWORD)),
            blankToNull(merged.getProperty(TLS_CLIENT_CERTPATH)),
            Boolean.parseBoolean(merged.getProperty(TLS_CLIENT_AUTHSERVER, "false")),
            blankToNull(merged.getProperty(TLS_CLIENT_TRUSTCERTPATH)),
            commaList(merged.getProperty(TLS_CIPHERS)),
            commaList(merged.getProperty(TLS_PROTOCOLS)));
    }

    /** Apache's defaults: permissive, test mode, no client auth, no files. */
    public static TlsSettings defaults() {
        try {
            Properties none = new Properties();
            // No file: the defaults must not depend on what this machine has under /etc.
            none.setProperty(TLS_CONFIG_FILE, "");
            return load(none);
        } catch (IOException e) {
            throw new IllegalStateException("unreachable: no file is read", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<String> commaList(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
