package io.namesrv.remoting.netty.tls;

import io.namesrv.common.LoggerNames;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
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
 *
 * <p>With certificate files (not test mode) the context is replaced when they change (see
 * {@link #fileWatcher()}): each new handshake uses the context in force; connections already
 * established keep the session they have.
 */
public final class ServerTls {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);

    private final TlsMode mode;
    /** Null: the files to reload from (none in test mode or when TLS is off). */
    private final TlsSettings settings;
    private volatile FutureTask<SslContext> context;

    private ServerTls(TlsMode mode, TlsSettings settings, FutureTask<SslContext> context) {
        this.mode = mode;
        this.settings = settings;
        this.context = context;
    }

    public static ServerTls disabled() {
        return new ServerTls(TlsMode.DISABLED, null, null);
    }

    /** A ready context (null serves plain text only and closes TLS handshakes). */
    public static ServerTls of(TlsMode mode, SslContext sslContext) {
        return new ServerTls(mode, null, ready(sslContext));
    }

    private static FutureTask<SslContext> ready(SslContext sslContext) {
        FutureTask<SslContext> ready = new FutureTask<>(() -> sslContext);
        ready.run();
        return ready;
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
        TlsSettings files = settings.testModeEnable() ? null : settings;
        if (settings.serverMode() == TlsMode.ENFORCING) {
            task.run();
            return new ServerTls(TlsMode.ENFORCING, files, task);
        }
        Thread builder = new Thread(task, "ServerTlsContextBuilder");
        builder.setDaemon(true);
        builder.start();
        return new ServerTls(settings.serverMode(), files, task);
    }

    /**
     * What reloads the certificate when its files change, to be run every
     * {@link TlsFileWatcher#CHECK_INTERVAL_MILLIS} on one thread; null when there is nothing to
     * reload (TLS off, test mode's generated certificate, no files configured).
     */
    public TlsFileWatcher fileWatcher() {
        if (settings == null || settings.serverCertPath() == null || settings.serverKeyPath() == null) {
            return null;
        }
        return new TlsFileWatcher(settings, this::replace);
    }

    /** New handshakes use {@code next} from now on; the context replaced is released. */
    void replace(SslContext next) {
        FutureTask<SslContext> previous = context;
        context = ready(next);
        SslContext old = previous == null ? null : contextOf(previous);
        if (old != null) {
            // OpenSSL contexts hold native memory (Apache #10398); established sessions keep their own reference.
            ReferenceCountUtil.release(old);
        }
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
        FutureTask<SslContext> current = context;
        return current == null ? null : contextOf(current);
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

    /** A failure and up to five of its causes on one line: the one-line log form of a TLS problem. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e));
        Throwable c = e.getCause();
        for (int depth = 0; c != null && depth < 5; depth++, c = c.getCause()) {
            sb.append(" <- ").append(c);
        }
        return sb.toString();
    }
}
