package io.namesrv.remoting.netty.tls;

/**
 * Run in a child JVM by {@link ServerTlsWithoutBouncyCastleTest}: builds the default server TLS
 * and prints whether a context came out. Exits 0 unless something escaped.
 */
public final class ServerTlsProbe {

    private ServerTlsProbe() {
    }

    public static void main(String[] args) {
        ServerTls tls = ServerTls.fromSettings(TlsSettings.defaults());
        System.out.println("PROBE mode=" + tls.mode() + " context=" + (tls.sslContext() != null));
    }
}
