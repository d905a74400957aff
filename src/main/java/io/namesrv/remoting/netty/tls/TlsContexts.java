package io.namesrv.remoting.netty.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.File;
import java.security.cert.CertificateException;
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
