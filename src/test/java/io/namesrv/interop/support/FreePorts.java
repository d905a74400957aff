package io.namesrv.interop.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds TCP ports that are free right now. Candidates are drawn at random below Linux's
 * ephemeral range (32768+), so outgoing connections cannot take them between the check and
 * the child binding them, and parallel test JVMs rarely pick the same one. A port is handed out
 * once per JVM: a test that picks its ports up front (a Raft group's addresses) and starts the
 * processes one by one used to get one of them again, still unbound, as a later process's listen
 * port ("Address already in use" for Apache's controller in CI).
 */
public final class FreePorts {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final int ATTEMPTS = 200;
    /** Ports handed out by this JVM; JVM-wide by nature, like the ports themselves. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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
            if (unclaimed(port - below, port + above) && allFree(port - below, port + above)
                && claim(port - below, port + above)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port block found in " + ATTEMPTS + " attempts");
    }

    private static boolean unclaimed(int from, int to) {
        for (int p = from; p <= to; p++) {
            if (HANDED_OUT.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** Claims [from, to] for this JVM; false (nothing claimed) if another thread took one first. */
    private static boolean claim(int from, int to) {
        for (int p = from; p <= to; p++) {
            if (!HANDED_OUT.add(p)) {
                for (int q = from; q < p; q++) {
                    HANDED_OUT.remove(q);
                }
                return false;
            }
        }
        return true;
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
