package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.interop.support.Await;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first inactive-broker scan runs 5 s after start (Apache 5.3.4+, #9682), not 5 ms after it
 * as in 5.3.3, so a broker that registers just after start and then falls silent is caught by
 * that first scan rather than by the second one a whole interval later.
 */
class FirstExpiryScanTest {

    /** Long enough that only the first scan can expire the broker within the wait below. */
    private static final long SCAN_INTERVAL_MILLIS = 600_000;

    @Test
    void aBrokerSilentSinceJustAfterStartIsExpiredByTheFirstScanFiveSecondsIn(@TempDir Path dir) throws Exception {
        try (TestNameServer ns = TestNameServer.builder(dir)
                .namesrv(c -> c.setScanNotActiveBrokerInterval(SCAN_INTERVAL_MILLIS)).start();
             WireClient broker = new WireClient(ns.port())) {
            // Registered well within 5 s of start (a scan at 5 ms would have found the table empty);
            // the connection stays open, so only the scan can remove it.
            assertEquals(0, broker.call(register("127.0.0.1:10911", 1_000)).getCode());
            assertEquals(1, ns.controller().getRouteInfoManager().liveBrokers().size());

            Await.until("the first scan to expire the silent broker", Duration.ofSeconds(60),
                () -> ns.controller().getRouteInfoManager().liveBrokers(), List::isEmpty);
        }
    }

    private static RemotingCommand register(String addr, long heartbeatTimeoutMillis) {
        byte[] body = new JsonBodies().encode(new RegisterBrokerBody(
            TopicConfigSerializeWrapper.of(new DataVersion(0, 1, 1), Map.of()), List.of()));
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, new RegisterBrokerRequestHeader("broker-a", addr,
                "C", "127.0.0.1:10912", 0L, heartbeatTimeoutMillis, false, false, 0))
            .setVersion(WireIdentity.V5_3_3).setBody(body);
    }
}
