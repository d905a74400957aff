package io.namesrv.interop.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void singlePortIsBindableOnLoopbackAndBelowTheEphemeralRange() throws IOException {
        int port = FreePorts.single();
        assertTrue(port >= 20_000 && port < 32_000, "port " + port);
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
    }

    @Test
    void brokerBlockLeavesFastRemotingAndHaPortsFree() {
        int port = FreePorts.forBroker();
        for (int p = port - 2; p <= port + 1; p++) {
            int candidate = p;
            // HA binds the wildcard address, so that is what must be free
            assertDoesNotThrow(() -> {
                try (ServerSocket socket = new ServerSocket(candidate)) {
                    socket.getLocalPort();
                }
            }, "port " + candidate);
        }
    }

    @Test
    void aLoopbackListenerMakesItsPortAndAnyBlockAroundItTaken() throws IOException {
        int port = FreePorts.single();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            // the broker's HA port binds the wildcard address, which a loopback listener blocks
            assertFalse(FreePorts.allFree(port, port));
            assertFalse(FreePorts.allFree(port - 1, port + 2));
        }
        assertTrue(FreePorts.allFree(port, port));
    }

    @Test
    void aPortPickedButNotYetBoundIsNeverHandedOutAgain() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            int port = FreePorts.single();
            assertTrue(seen.add(port), "port " + port + " handed out twice while nothing bound it");
        }
        int broker = FreePorts.forBroker();
        for (int p = broker - 2; p <= broker + 1; p++) {
            assertFalse(seen.contains(p), "a broker block overlaps a port already handed out: " + p);
        }
    }
}
