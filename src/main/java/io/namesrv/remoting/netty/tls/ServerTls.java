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
     * The server side of {@code settings}. If the context cannot be built the server must still
     * start, and it says so loudly. In permissive mode it then serves plain text only (TLS hellos
     * are closed). In enforcing mode it fails closed, as Apache's does: it keeps refusing plain
     * text and, without a context, refuses TLS too, rather than quietly accepting the plain-text
     * clients the operator meant to shut out.
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
            boolean enforcing = settings.serverMode() == TlsMode.ENFORCING;
            String consequence = enforcing
                ? "TLS is enforced but unavailable: EVERY connection will be refused"
                : "TLS is OFF: serving plain text only and closing TLS handshakes";
            String message = "Failed to create SslContext for server (tls.server.mode={}): {}. " + consequence
                + ". In test mode on JDK 17 without BouncyCastle, start the JVM with --add-exports "
                + "java.base/sun.security.x509=ALL-UNNAMED; otherwise check the tls.server.* files.";
            if (enforcing) {
                LOG.error(message, "enforcing", describe(e));
                return new ServerTls(TlsMode.ENFORCING, null);
            }
            LOG.warn(message, settings.serverMode().name().toLowerCase(), describe(e));
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
