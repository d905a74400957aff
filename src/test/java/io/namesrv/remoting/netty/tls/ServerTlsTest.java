package io.namesrv.remoting.netty.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The permissive default builds its context off the start-up path and hands it to the first TLS
 * handshake; a context that cannot be built must not open the door to the clients enforcing mode
 * shuts out.
 */
class ServerTlsTest {

    private static TlsSettings brokenFiles(String mode) throws IOException {
        Properties p = new Properties();
        p.setProperty(TlsSettings.TLS_CONFIG_FILE, "");
        p.setProperty(TlsSettings.TLS_SERVER_MODE, mode);
        p.setProperty(TlsSettings.TLS_TEST_MODE_ENABLE, "false");
        p.setProperty(TlsSettings.TLS_SERVER_CERTPATH, "/nonexistent/server.pem");
        p.setProperty(TlsSettings.TLS_SERVER_KEYPATH, "/nonexistent/server.key");
        return TlsSettings.load(p);
    }

    @Test
    void enforcingWithoutAContextRefusesPlainTextAndTls() throws IOException {
        ServerTls tls = ServerTls.fromSettings(brokenFiles("enforcing"));
        assertEquals(TlsMode.ENFORCING, tls.mode());
        assertNull(tls.sslContext());
        for (byte first : new byte[] {0x00, 0x16}) {
            EmbeddedChannel ch = new EmbeddedChannel(new TlsModeHandler(tls.mode(), tls::sslContext));
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {first, 0, 0, 0}));
            assertFalse(ch.isOpen(), "first byte " + first + " must be refused");
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void permissiveWithoutAContextFallsBackToPlainText() throws IOException {
        ServerTls tls = ServerTls.fromSettings(brokenFiles("permissive"));
        assertEquals(TlsMode.PERMISSIVE, tls.mode());
        assertNull(tls.sslContext());
    }

    @Test
    void disabledHasNoContext() {
        ServerTls tls = ServerTls.disabled();
        assertEquals(TlsMode.DISABLED, tls.mode());
        assertNull(tls.sslContext());
    }

    @Test
    void aGivenContextIsHandedOutAsIs() {
        assertNull(ServerTls.of(TlsMode.PERMISSIVE, null).sslContext());
    }

    @Test
    void permissiveDefaultBuildsItsContextInTheBackgroundAndKeepsIt() throws Exception {
        ServerTls tls = ServerTls.fromSettings(TlsSettings.fromSystemProperties());
        assertEquals(TlsMode.PERMISSIVE, tls.mode());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().equals("ServerTlsContextBuilder")) || tls.sslContext() != null,
            "the context is being built on its own named thread, or is built already");
        SslContext context = tls.sslContext();
        assertNotNull(context, "test-mode self-signed context (needs --add-exports java.base/sun.security.x509)");
        assertTrue(context.isServer());
        assertSame(context, tls.sslContext());
    }
}
