package io.namesrv.remoting.netty.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslContext;
import org.junit.jupiter.api.Test;

/** The permissive default builds its context off the start-up path and hands it to the first TLS handshake. */
class ServerTlsTest {

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
