package io.namesrv.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the name-server list comes from, in Apache's order, and the address server's URL and answer. */
class NameServerAddressesTest {

    private HttpServer addressServer;

    @AfterEach
    void stop() {
        if (addressServer != null) {
            addressServer.stop(0);
        }
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void splitsOnSemicolonsAndDropsBlanks() {
        assertEquals(List.of("a:1", "b:2"), NameServerAddresses.split(" a:1 ;; b:2;"));
        assertEquals(List.of(), NameServerAddresses.split(null));
    }

    @Test
    void explicitThenPropertyThenEnvironment() throws IOException {
        NameServerAddresses all = new NameServerAddresses(props("rocketmq.namesrv.addr", "p:1"), Map.of("NAMESRV_ADDR", "e:1"));
        assertEquals(List.of("x:1", "y:1"), all.resolve("x:1;y:1", null));
        assertEquals(List.of("p:1"), all.resolve(null, null));
        assertEquals(List.of("p:1"), all.resolve("  ", null), "a blank explicit list counts as none");
        assertEquals(List.of("e:1"), new NameServerAddresses(new Properties(), Map.of("NAMESRV_ADDR", "e:1")).resolve(null, null));
    }

    @Test
    void addressServerUrlAsApacheBuildsIt() {
        NameServerAddresses defaults = new NameServerAddresses(new Properties(), Map.of());
        assertEquals("http://jmenv.tbsite.net:8080/rocketmq/nsaddr", defaults.addressServerUrl(null));
        NameServerAddresses custom = new NameServerAddresses(props("rocketmq.namesrv.domain", "127.0.0.1:81",
            "rocketmq.namesrv.domain.subgroup", "ns"), Map.of());
        assertEquals("http://127.0.0.1:81/rocketmq/ns-unit?nofix=1", custom.addressServerUrl("unit"));
    }

    /** The last resort: the first line of the address server's answer, on a local server made for the test. */
    @Test
    void askTheAddressServerLast() throws IOException {
        addressServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        addressServer.createContext("/rocketmq/nsaddr", exchange -> {
            byte[] body = "10.0.0.1:9876;10.0.0.2:9876\nignored".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        addressServer.createContext("/rocketmq/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        addressServer.start();
        String domain = "127.0.0.1:" + addressServer.getAddress().getPort();

        assertEquals(List.of("10.0.0.1:9876", "10.0.0.2:9876"),
            new NameServerAddresses(props("rocketmq.namesrv.domain", domain), Map.of()).resolve(null, null));
        IOException e = assertThrows(IOException.class, () -> new NameServerAddresses(
            props("rocketmq.namesrv.domain", domain, "rocketmq.namesrv.domain.subgroup", "broken"), Map.of())
            .resolve(null, null));
        assertTrue(e.getMessage().contains("answered HTTP 503"), e.getMessage());
    }
}
