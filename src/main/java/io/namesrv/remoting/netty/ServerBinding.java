package io.namesrv.remoting.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** Binds a server channel and turns a failure into one clear sentence naming the address. */
public final class ServerBinding {

    private ServerBinding() {
    }

    /**
     * @throws UncheckedIOException "cannot listen on host:port: reason" when the address is taken,
     *         not local, or not permitted (Netty rethrows the socket's checked exception unchecked)
     */
    public static Channel bind(ServerBootstrap bootstrap, String host, int port) throws InterruptedException {
        try {
            return bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            IOException cause = e instanceof IOException io ? io : new IOException(e);
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), cause);
        }
    }
}
