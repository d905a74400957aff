package io.namesrv.remoting.netty.tls;

import io.netty.handler.ssl.SslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's TLS mode and, unless disabled, the context that serves TLS clients. */
public record ServerTls(TlsMode mode, SslContext sslContext) {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqRemoting");

    public static ServerTls disabled() {
        return new ServerTls(TlsMode.DISABLED, null);
    }

    /**
     * The server side of {@code settings}. If the context cannot be built the server still starts
     * and says so loudly: in permissive mode it serves plain text only (TLS hellos are closed); in
     * enforcing mode it refuses every connection, because silently dropping a required TLS would
     * be worse than being unreachable.
     */
    public static ServerTls fromSettings(TlsSettings settings) {
        if (settings.serverMode() == TlsMode.DISABLED) {
            return disabled();
        }
        try {
            SslContext context = TlsContexts.forServer(settings);
            LOG.info("SslContext created for server");
            return new ServerTls(settings.serverMode(), context);
        } catch (Exception | LinkageError e) {
            if (settings.serverMode() == TlsMode.ENFORCING) {
                LOG.error("Failed to create SslContext for server in TLS enforcing mode: {}. Every connection will be "
                    + "refused until the tls.server.* settings are fixed (in test mode on JDK 17 without BouncyCastle, "
                    + "start the JVM with --add-exports java.base/sun.security.x509=ALL-UNNAMED).", describe(e));
                return new ServerTls(TlsMode.ENFORCING, null);
            }
            LOG.warn("Failed to create SslContext for server (tls.server.mode={}): {}. TLS is OFF: serving plain "
                + "text only and closing TLS handshakes. In test mode on JDK 17 without BouncyCastle, start the JVM "
                + "with --add-exports java.base/sun.security.x509=ALL-UNNAMED; otherwise check the tls.server.* files.",
                settings.serverMode().name().toLowerCase(), describe(e));
            return new ServerTls(TlsMode.PERMISSIVE, null);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e));
        Throwable c = e.getCause();
        for (int depth = 0; c != null && depth < 5; depth++, c = c.getCause()) {
            sb.append(" <- ").append(c);
        }
        return sb.toString();
    }
}
