package io.namesrv.remoting.netty.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLException;

/**
 * Builds Netty {@link SslContext}s from {@link TlsSettings} the way Apache does. Test mode: the
 * server presents a freshly generated self-signed certificate and asks for (but does not require)
 * a client certificate; the client trusts any server. Otherwise PEM files (PKCS#8 keys) are used.
 *
 * <p>Generating the self-signed certificate without BouncyCastle on JDK 17 needs
 * {@code --add-exports java.base/sun.security.x509=ALL-UNNAMED}; without it building fails with
 * an exception the caller must handle.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    public static SslContext forServer(TlsSettings settings) throws SSLException, CertificateException {
        SslContextBuilder builder;
        if (settings.testModeEnable()) {
            // An EC P-256 key: generating the default RSA 2048 one took a second or two of CPU
            // at every start, and test mode trusts any certificate anyway.
            SelfSignedCertificate cert = new SelfSignedCertificate("localhost", "EC", 256);
            try {
                builder = SslContextBuilder.forServer(cert.certificate(), cert.privateKey())
                    .clientAuth(ClientAuth.OPTIONAL);
                return withCommon(builder, settings).build();
            } finally {
                // The builder has read the files; do not leave the private key in /tmp.
                cert.delete();
            }
        }
        if (settings.serverCertPath() == null || settings.serverKeyPath() == null) {
            throw new SSLException("tls.server.certPath and tls.server.keyPath are required when "
                + "tls.test.mode.enable=false");
        }
        builder = SslContextBuilder.forServer(new File(settings.serverCertPath()), new File(settings.serverKeyPath()),
            settings.serverKeyPassword());
        if (!settings.serverAuthClient()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (settings.serverTrustCertPath() != null) {
            builder.trustManager(new File(settings.serverTrustCertPath()));
        }
        builder.clientAuth(clientAuth(settings.serverNeedClientAuth()));
        return withCommon(builder, settings).build();
    }

    /**
     * Proves that the server certificate and key of {@code settings} can serve: the certificate
     * file parses, its first certificate is within its validity, and a TLS handshake in memory
     * with a server context built from the two files succeeds (the client trusts anything: what
     * fails is a key that does not match the certificate, or one that cannot be read). Returns
     * that certificate; throws with the reason otherwise.
     */
    static X509Certificate checkServerIdentity(TlsSettings settings) throws IOException, CertificateException {
        X509Certificate leaf = firstCertificate(Path.of(settings.serverCertPath()));
        leaf.checkValidity();
        SslContext server = withCommon(SslContextBuilder.forServer(new File(settings.serverCertPath()),
            new File(settings.serverKeyPath()), settings.serverKeyPassword()), settings).build();
        SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
            .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        EmbeddedChannel serverSide = new EmbeddedChannel(server.newHandler(ByteBufAllocator.DEFAULT));
        EmbeddedChannel clientSide = new EmbeddedChannel(client.newHandler(ByteBufAllocator.DEFAULT));
        try {
            SslHandler serverTls = serverSide.pipeline().get(SslHandler.class);
            SslHandler clientTls = clientSide.pipeline().get(SslHandler.class);
            for (int round = 0; round < 32 && !(serverTls.handshakeFuture().isDone() && clientTls.handshakeFuture().isDone());
                 round++) {
                relay(clientSide, serverSide);
                relay(serverSide, clientSide);
            }
            Throwable failure = clientTls.handshakeFuture().cause();
            if (failure == null) {
                failure = serverTls.handshakeFuture().cause();
            }
            if (failure != null || !clientTls.handshakeFuture().isSuccess()) {
                throw new SSLException("a handshake with " + settings.serverCertPath() + " and " + settings.serverKeyPath()
                    + " fails (does the key belong to the certificate?)", failure);
            }
            return leaf;
        } finally {
            clientSide.finishAndReleaseAll();
            serverSide.finishAndReleaseAll();
        }
    }

    private static X509Certificate firstCertificate(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends java.security.cert.Certificate> all =
                CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (all.isEmpty() || !(all.iterator().next() instanceof X509Certificate leaf)) {
                throw new CertificateException("no X.509 certificate in " + file);
            }
            return leaf;
        }
    }

    /** Hands what {@code from} wrote to {@code to} as received bytes. */
    private static void relay(EmbeddedChannel from, EmbeddedChannel to) {
        for (ByteBuf out = from.readOutbound(); out != null; out = from.readOutbound()) {
            try {
                to.writeInbound(out);
            } catch (Exception handshakeFailed) {
                // the handshake futures say what failed
            }
        }
    }

    public static SslContext forClient(TlsSettings settings) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (settings.testModeEnable()) {
            return withCiphersAndProtocols(builder.trustManager(InsecureTrustManagerFactory.INSTANCE), settings).build();
        }
        if (!settings.clientAuthServer()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (settings.clientTrustCertPath() != null) {
            builder.trustManager(new File(settings.clientTrustCertPath()));
        }
        if (settings.clientCertPath() != null && settings.clientKeyPath() != null) {
            builder.keyManager(new File(settings.clientCertPath()), new File(settings.clientKeyPath()),
                settings.clientKeyPassword());
        }
        return withCiphersAndProtocols(builder, settings).build();
    }

    /** {@code none|optional|require}, case-insensitive; anything else means none, as in Apache. */
    static ClientAuth clientAuth(String mode) {
        if (mode != null) {
            for (ClientAuth auth : ClientAuth.values()) {
                if (auth.name().equalsIgnoreCase(mode.trim())) {
                    return auth;
                }
            }
        }
        return ClientAuth.NONE;
    }

    private static SslContextBuilder withCommon(SslContextBuilder builder, TlsSettings settings) {
        // OpenSSL only when netty-tcnative is on the class path; the JDK provider otherwise.
        builder.sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK);
        return withCiphersAndProtocols(builder, settings);
    }

    private static SslContextBuilder withCiphersAndProtocols(SslContextBuilder builder, TlsSettings settings) {
        if (!settings.ciphers().isEmpty()) {
            builder.ciphers(settings.ciphers());
        }
        if (!settings.protocols().isEmpty()) {
            builder.protocols(settings.protocols());
        }
        return builder;
    }
}
