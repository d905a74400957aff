package io.namesrv.namesrv.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import io.namesrv.namesrv.auth.AclSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the operations endpoint listens and who may read it: it follows the remoting port's
 * bindAddress unless told otherwise, and with authentication on it wants an access key and its
 * secret key for everything but the probes.
 */
class OpsHttpAccessTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itListensWhereTheRemotingPortDoesUnlessToldOtherwise(@TempDir Path dir) throws Exception {
        try (TestNameServer server = TestNameServer.builder(dir).withHttp().http(h -> h.setHttpBindAddress(null))
            .start()) {
            String line = server.controller().httpEndpointLine();
            assertTrue(line.startsWith("The operations HTTP endpoint listens on http://127.0.0.1:" + server.httpPort() + "/"),
                line);
            assertEquals(200, get(server.httpPort(), "/metrics", null).statusCode(), "open without authentication");
        }
    }

    @Test
    void onEveryInterfaceTheLineGivesAUrlAnOperatorCanOpen(@TempDir Path dir) throws Exception {
        try (TestNameServer server = TestNameServer.builder(dir).withHttp().http(h -> h.setHttpBindAddress("0.0.0.0"))
            .start()) {
            String line = server.controller().httpEndpointLine();
            assertTrue(line.startsWith("The operations HTTP endpoint listens on http://0.0.0.0:" + server.httpPort() + "/ "),
                line);
        }
    }

    @Test
    void withAuthenticationOnOnlyTheProbesAreOpen(@TempDir Path dir) throws Exception {
        AclSettings acl = AclSettings.parse("secretKey.ops=ops-secret\nsecretKey.other=other-secret\n"
            .getBytes(StandardCharsets.UTF_8), "test");
        try (TestNameServer server = TestNameServer.builder(dir).withHttp().acl(acl).start()) {
            int port = server.httpPort();
            assertTrue(server.controller().httpEndpointLine().endsWith(
                ", with an ACL access key and secret key (HTTP Basic) except /health /ready /rocketmq/nsaddr"));
            for (String path : List.of("/health", "/ready")) {
                assertEquals(200, get(port, path, null).statusCode(), path);
            }
            for (String path : List.of("/", "/metrics", "/status", "/cluster", "/routes/TopicA", "/static/status.js")) {
                HttpResponse<String> refused = get(port, path, null);
                assertEquals(401, refused.statusCode(), path);
                assertEquals("Basic realm=\"namesrv\", charset=\"UTF-8\"",
                    refused.headers().firstValue("WWW-Authenticate").orElse(null), path);
                assertEquals(401, get(port, path, basic("ops", "wrong")).statusCode(), path + " wrong secret");
                assertEquals(401, get(port, path, basic("other", "ops-secret")).statusCode(), path + " another key's secret");
                assertEquals(401, get(port, path, "Bearer ops-secret").statusCode(), path + " not Basic");
                assertTrue(get(port, path, basic("ops", "ops-secret")).statusCode() != 401, path + " with the keys");
            }
            assertEquals(200, get(port, "/metrics", basic("other", "other-secret")).statusCode());
        }
    }
}
