package io.namesrv.namesrv.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.namesrv.TestNameServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.rocketmq.common.namesrv.DefaultTopAddressing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address service of name servers that are each other's {@code namesrvPeers}, read with
 * Apache's DefaultTopAddressing: every server answers the same list, of those that answer now.
 * A listed server that never started, one that stops and one that starts later are the
 * dead-peer cases; a server listed by a name lists itself by that name. Comparisons run every 200 ms here (5 s by default).
 */
class AddressServicePeersTest {

    private static final Duration PERIODS = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final List<TestNameServer> open = new ArrayList<>();

    @AfterEach
    void stop() {
        open.forEach(TestNameServer::close);
    }

    private TestNameServer server(String name, int port, String peers) throws InterruptedException {
        TestNameServer ns = TestNameServer.builder(dir.resolve(name)).withHttp()
            .netty(n -> n.setListenPort(port))
            .peers(c -> {
                c.setNamesrvPeers(peers);
                c.setNamesrvPeerCompareIntervalMillis(200);
                c.setNamesrvPeerBootstrapTimeoutMillis(1_000);
            }).start();
        open.add(ns);
        return ns;
    }

    private static String fetch(TestNameServer ns) {
        return new DefaultTopAddressing("http://127.0.0.1:" + ns.httpPort() + "/rocketmq/nsaddr").fetchNSAddr();
    }

    private static void awaitAnswer(TestNameServer ns, String... addresses) {
        String want = String.join(";", new TreeSet<>(List.of(addresses)));
        Await.until(ns.address() + " to answer " + want, PERIODS, () -> fetch(ns), want::equals);
    }

    @Test
    void everyServerListsItselfAndThePeersThatAnswerNow() throws Exception {
        int portA = FreePorts.single();
        int portB = FreePorts.single();
        int portC = FreePorts.single();
        // A by a name, as an operator lists a server: A lists itself by it too, so all answers match
        String a = "localhost:" + portA;
        String b = "127.0.0.1:" + portB;
        String c = "127.0.0.1:" + portC;
        // every server is given the same list, itself included
        String peers = String.join(";", a, b, c);
        TestNameServer nsA = server("a", portA, peers);
        TestNameServer nsB = server("b", portB, peers);

        // C is listed but was never started: no server lists it
        awaitAnswer(nsA, a, b);
        awaitAnswer(nsB, a, b);

        // C starts: every server lists it within a few comparisons
        TestNameServer nsC = server("c", portC, peers);
        awaitAnswer(nsA, a, b, c);
        awaitAnswer(nsB, a, b, c);
        awaitAnswer(nsC, a, b, c);

        // B stops: the others drop it
        nsB.close();
        open.remove(nsB);
        awaitAnswer(nsA, a, c);
        awaitAnswer(nsC, a, c);
        assertEquals(fetch(nsA), fetch(nsC), "every server gives the same text");
    }
}
