package io.namesrv.namesrv.processor;

import static io.namesrv.namesrv.processor.ProcessorFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #11072 / PR #11073: once shutdown begins, route lookups get "name server not ready", cached or not. */
class ClientRequestProcessorShutdownTest {

    @TempDir
    Path dir;

    private ProcessorFixture f;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private ClientRequestProcessor gate;

    @BeforeEach
    void setUp() throws Exception {
        f = new ProcessorFixture(dir);
        // The controller passes ServiceReadiness::servesRoutes, false once shutdown has begun.
        gate = new ClientRequestProcessor(f.routes, f.kv, f.config, f.json, () -> !shuttingDown.get());
        RemotingCommand registered = f.defaultProcessor().processRequest(f.channel,
            f.registration("broker-a", "10.0.0.1:10911", 0, 1, "T", "Other"));
        assertEquals(ResponseCode.SUCCESS, registered.getCode());
    }

    @AfterEach
    void tearDown() {
        f.channel.finishAndReleaseAll();
    }

    private static RemotingCommand lookup(String topic) {
        return request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null));
    }

    @Test
    void beforeShutdownRoutesAreServedQueuedAndInline() throws Exception {
        assertEquals(ResponseCode.SUCCESS, gate.processRequest(f.channel, lookup("T")).getCode());
        assertNotNull(gate.tryProcessInline(f.channel, lookup("T")), "the route is cached now");
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, gate.processRequest(f.channel, lookup("Nope")).getCode());
    }

    @Test
    void onceShutdownBeganEveryLookupIsNameServerNotReady() throws Exception {
        assertEquals(ResponseCode.SUCCESS, gate.processRequest(f.channel, lookup("T")).getCode());
        shuttingDown.set(true);

        assertNull(gate.tryProcessInline(f.channel, lookup("T")), "not even a cached route");
        for (String topic : new String[] {"T", "Nope"}) {
            RemotingCommand answer = gate.processRequest(f.channel, lookup(topic));
            assertEquals(ResponseCode.SYSTEM_ERROR, answer.getCode());
            assertEquals("name server not ready", answer.getRemark());
            assertNull(answer.getBody());
        }
    }
}
