package io.namesrv.remoting.netty.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {

    @TempDir
    Path dir;

    private static Properties props(String... kv) {
        Properties p = new Properties();
        p.setProperty(TlsSettings.TLS_CONFIG_FILE, "");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsAreApaches() {
        TlsSettings s = TlsSettings.defaults();
        assertEquals(TlsMode.PERMISSIVE, s.serverMode());
        assertFalse(s.tlsEnable());
        assertTrue(s.testModeEnable());
        assertEquals("none", s.serverNeedClientAuth());
        assertNull(s.serverKeyPath());
        assertFalse(s.serverAuthClient());
        assertFalse(s.clientAuthServer());
        assertEquals(List.of(), s.ciphers());
        assertEquals(List.of(), s.protocols());
    }

    @Test
    void defaultConfigFileIsApaches() throws IOException {
        Properties none = new Properties();
        assertEquals("/etc/rocketmq/tls.properties", TlsSettings.load(none).configFile());
    }

    @Test
    void everyKeyIsReadFromTheProperties() throws IOException {
        TlsSettings s = TlsSettings.load(props(
            "tls.server.mode", "enforcing", "tls.enable", "true", "tls.test.mode.enable", "false",
            "tls.server.need.client.auth", "require", "tls.server.keyPath", "/k", "tls.server.keyPassword", "pw",
            "tls.server.certPath", "/c", "tls.server.authClient", "true", "tls.server.trustCertPath", "/t",
            "tls.client.keyPath", "/ck", "tls.client.keyPassword", "cpw", "tls.client.certPath", "/cc",
            "tls.client.authServer", "true", "tls.client.trustCertPath", "/ct",
            "tls.ciphers", "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384", "tls.protocols", "TLSv1.3,TLSv1.2"));
        assertEquals(TlsMode.ENFORCING, s.serverMode());
        assertTrue(s.tlsEnable());
        assertFalse(s.testModeEnable());
        assertEquals("require", s.serverNeedClientAuth());
        assertEquals("/k", s.serverKeyPath());
        assertEquals("pw", s.serverKeyPassword());
        assertEquals("/c", s.serverCertPath());
        assertTrue(s.serverAuthClient());
        assertEquals("/t", s.serverTrustCertPath());
        assertEquals("/ck", s.clientKeyPath());
        assertEquals("cpw", s.clientKeyPassword());
        assertEquals("/cc", s.clientCertPath());
        assertTrue(s.clientAuthServer());
        assertEquals("/ct", s.clientTrustCertPath());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"), s.ciphers());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), s.protocols());
    }

    @Test
    void unknownServerModeMeansPermissive() throws IOException {
        assertEquals(TlsMode.PERMISSIVE, TlsSettings.load(props("tls.server.mode", "strict")).serverMode());
        assertEquals(TlsMode.DISABLED, TlsSettings.load(props("tls.server.mode", "DISABLED")).serverMode());
    }

    @Test
    void configFileOverridesEverythingButModeAndEnable() throws IOException {
        Path file = dir.resolve("tls.properties");
        Files.writeString(file, String.join("\n",
            "tls.server.mode=disabled", "tls.enable=true", "tls.test.mode.enable=false",
            "tls.server.keyPath=/from/file", "tls.server.need.client.auth=optional", "tls.client.authServer=true"));
        TlsSettings s = TlsSettings.load(props("tls.config.file", file.toString(), "tls.server.mode", "enforcing",
            "tls.server.keyPath", "/from/props", "tls.server.certPath", "/cert/from/props"));
        assertEquals(TlsMode.ENFORCING, s.serverMode());
        assertFalse(s.tlsEnable());
        assertFalse(s.testModeEnable());
        assertEquals("/from/file", s.serverKeyPath());
        assertEquals("/cert/from/props", s.serverCertPath());
        assertEquals("optional", s.serverNeedClientAuth());
        assertTrue(s.clientAuthServer());
        assertEquals(file.toString(), s.configFile());
    }

    @Test
    void missingConfigFileIsFine() throws IOException {
        TlsSettings s = TlsSettings.load(props("tls.config.file", dir.resolve("absent").toString()));
        assertTrue(s.testModeEnable());
    }
}
