package io.namesrv.remoting.netty.tls;

import io.namesrv.common.LoggerNames;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the server's certificate when its files (certificate, key, trusted CAs) change, as
 * Apache's name server does with its {@code FileWatchService}, so certificates can be renewed
 * without a restart. A new version is taken only once it has stayed the same for one check (a
 * file being written, or a certificate replaced before its key, is not taken half done), and only
 * if it can serve: the certificate parses and is within its validity, and a TLS handshake in
 * memory against a context built from the new files succeeds (which a key that does not match
 * the certificate fails). Anything else is refused and logged once per version; the certificate
 * in force keeps serving. Run it every {@link #CHECK_INTERVAL_MILLIS} on one thread.
 */
public final class TlsFileWatcher implements Runnable {

    /** Apache's FileWatchService checks every 500 ms too. */
    public static final long CHECK_INTERVAL_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);

    private final TlsSettings settings;
    private final Consumer<SslContext> install;
    private final List<Path> files = new ArrayList<>();
    /** The content the context in force (or the version last refused) was built from. */
    private byte[] applied;
    /** The content seen at the previous check. */
    private byte[] previous;

    TlsFileWatcher(TlsSettings settings, Consumer<SslContext> install) {
        this.settings = settings;
        this.install = install;
        files.add(Path.of(settings.serverCertPath()));
        files.add(Path.of(settings.serverKeyPath()));
        if (settings.serverTrustCertPath() != null) {
            files.add(Path.of(settings.serverTrustCertPath()));
        }
        this.applied = digest();
        this.previous = applied;
    }

    @Override
    public void run() {
        byte[] now = digest();
        boolean steady = Arrays.equals(now, previous);
        previous = now;
        if (!steady || Arrays.equals(now, applied)) {
            return;
        }
        applied = now;
        try {
            X509Certificate leaf = TlsContexts.checkServerIdentity(settings);
            install.accept(TlsContexts.forServer(settings));
            LOG.info("TLS certificate reloaded from {}: {}, serial {}, valid until {}", settings.serverCertPath(),
                leaf.getSubjectX500Principal().getName(), leaf.getSerialNumber().toString(16), leaf.getNotAfter());
        } catch (Exception | LinkageError e) {
            LOG.error("TLS certificate files changed ({}) but the new version is refused, the certificate in force keeps"
                + " serving: {}", files, ServerTls.describe(e));
        }
    }

    /** One digest over every watched file's content (a missing file counts as a content of its own). */
    private byte[] digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (Path file : files) {
            try {
                sha.update(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                sha.update(("missing " + file).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                sha.update(("unreadable " + file + " " + e).getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) 0);
        }
        return sha.digest();
    }
}
