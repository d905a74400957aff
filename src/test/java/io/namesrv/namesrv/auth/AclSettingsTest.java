package io.namesrv.namesrv.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclSettingsTest {

    private static AclSettings parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return AclSettings.parse(p, "acl.properties");
    }

    @Test
    void readsKeysAndDefaultsToEveryStateChangingCode(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("namesrv-acl.properties");
        Files.writeString(file, "# admin and brokers\nsecretKey.admin=s3cret\nsecretKey.rocketmq2=12345678\n");
        AclSettings acl = AclSettings.load(file);
        assertEquals(Map.of("admin", "s3cret", "rocketmq2", "12345678"), acl.secretKeys());
        assertEquals(Set.of(100, 102, 103, 104, 205, 216, 217, 318, 327), acl.authRequiredCodes());
    }

    @Test
    void codesCanBeNarrowedOrWidened() throws IOException {
        AclSettings acl = parse("secretKey.a=b\nauthRequiredCodes=100, 318,105,\n");
        assertEquals(Set.of(100, 105, 318), acl.authRequiredCodes());
        assertTrue(acl.requiresAuth(105));
        assertFalse(acl.requiresAuth(103));
    }

    @Test
    void mistakesStopTheStart() {
        assertThrows(IllegalArgumentException.class, () -> parse("authRequiredCodes=100\n"), "no keys");
        assertThrows(IllegalArgumentException.class, () -> parse("secretKey.a=\n"), "empty secret");
        assertThrows(IllegalArgumentException.class, () -> parse("secretKey.=x\n"), "empty access key");
        assertThrows(IllegalArgumentException.class, () -> parse("secretKey.a=b\nauthRequiredCode=100\n"), "typo");
        assertThrows(IllegalArgumentException.class, () -> parse("secretKey.a=b\nauthRequiredCodes=PUT\n"));
    }

    @Test
    void secretsNeverShowInToString() throws IOException {
        String shown = parse("secretKey.admin=very-secret\n").toString();
        assertTrue(shown.contains("admin"));
        assertFalse(shown.contains("very-secret"));
    }
}
