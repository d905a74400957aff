package io.namesrv.remoting.netty.tls;

import io.netty.handler.ssl.SslContext;

/** The server's TLS mode and, unless disabled, the context that serves TLS clients. */
public record ServerTls(TlsMode mode, SslContext sslContext) {

    public static ServerTls disabled() {
        return new ServerTls(TlsMode.DISABLED, null);
    }
}
