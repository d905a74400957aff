package io.namesrv.interop.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds TCP ports that are free right now. Candidates are drawn at random below Linux's
 * ephemeral range (32768+), so outgoing connections cannot take them between the check and
 * the child binding them, and parallel test JVMs rarely pick the same one.
 */
public final class FreePorts {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    /** One free port, e.g. for a name server. */
    public static int single() {
        return block(0, 0);
    }

    /**
     * A broker listen port P with P-2 (fast remoting / VIP channel), P-1 and P+1 (HA) free too.
     * P-1 is not bound by a 5.3.3 broker, but keeping it free leaves room for neighbours.
     */
    public static int forBroker() {
        return block(2, 1);
    }

    /** A port P such that P-below .. P+above are all free (checked on the wildcard address). */
    static int block(int below, int above) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(LOW + below, HIGH - above);
            if (allFree(port - below, port + above)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port block found in " + ATTEMPTS + " attempts");
    }

    /** True if every port in [from, to] can be bound on the wildcard address right now. */
    static boolean allFree(int from, int to) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int p = from; p <= to; p++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                // Without SO_REUSEADDR a port still in TIME_WAIT counts as taken: safer for a child.
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(p));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot leave anything behind worth reporting
                }
            }
        }
    }
}
