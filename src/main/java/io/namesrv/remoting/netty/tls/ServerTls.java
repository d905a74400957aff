package io.namesrv.remoting.netty.tls;

import io.namesrv.common.LoggerNames;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS mode and, unless disabled, the context that serves TLS clients.
 *
 * <p>In permissive mode (the default) most clients speak plain text, and building the context
 * (a self-signed certificate in test mode: an RSA key pair) took about 2 s of start-up on a 2-core
 * machine. So it is built on a background thread from the start and only waited for by the first
 * TLS handshake. Enforcing mode builds it before the server starts, since every client needs it.
 */
public final class ServerTls {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);

    private final TlsMode mode;
    private final FutureTask<SslContext> context;

    private ServerTls(TlsMode mode, FutureTask<SslContext> context) {
        this.mode = mode;
        this.context = context;
    }

    public static ServerTls disabled() {
        return new ServerTls(TlsMode.DISABLED, null);
    }

    /** A ready context (null serves plain text only and closes TLS handshakes). */
    public static ServerTls of(TlsMode mode, SslContext sslContext) {
        FutureTask<SslContext> ready = new FutureTask<>(() -> sslContext);
        ready.run();
        return new ServerTls(mode, ready);
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
        FutureTask<SslContext> task = new FutureTask<>(building(settings));
        if (settings.serverMode() == TlsMode.ENFORCING) {
            task.run();
            return new ServerTls(TlsMode.ENFORCING, task);
        }
        Thread builder = new Thread(task, "ServerTlsContextBuilder");
        builder.setDaemon(true);
        builder.start();
        return new ServerTls(settings.serverMode(), task);
    }

    private static Callable<SslContext> building(TlsSettings settings) {
        return () -> {
            try {
                SslContext context = TlsContexts.forServer(settings);
                LOG.info("SslContext created for server");
                return context;
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
                } else {
                    LOG.warn(message, settings.serverMode().name().toLowerCase(), describe(e));
                }
                return null;
            }
        };
    }

    public TlsMode mode() {
        return mode;
    }

    /** The context, waiting for it if it is still being built; null when TLS cannot be served. */
    public SslContext sslContext() {
        return context == null ? null : contextOf(context);
    }

    private static SslContext contextOf(FutureTask<SslContext> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null; // building() catches everything it can; nothing else is expected here
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
