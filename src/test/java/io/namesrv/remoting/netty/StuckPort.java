package io.namesrv.remoting.netty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port whose accept queue is full, so connecting to it hangs (the kernel drops the
 * SYNs) as to a black-holed or frozen host, until the connect timeout.
 */
public final class StuckPort implements AutoCloseable {

    private final ServerSocket server = new ServerSocket();
    private final List<Socket> fillers = new ArrayList<>();

    public StuckPort() throws IOException {
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        for (int i = 0; i < 4; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(server.getLocalSocketAddress(), 200);
                fillers.add(filler);
            } catch (IOException queueFull) {
                filler.close();
                break;
            }
        }
    }

    /** {@code 127.0.0.1:port}. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
