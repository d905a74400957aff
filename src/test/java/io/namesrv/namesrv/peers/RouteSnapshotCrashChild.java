package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Child process for {@link RouteSnapshotCrashTest}: registers broker after broker (each with 50
 * topics, so a snapshot grows to a few hundred KB and a write takes a while) and writes the
 * snapshot after each, printing {@code ACK <prefix>-<n>} once the write returned, until killed.
 */
public final class RouteSnapshotCrashChild {

    private RouteSnapshotCrashChild() {
    }

    public static void main(String[] args) throws IOException {
        RouteSnapshotStore store = new RouteSnapshotStore(Path.of(args[0]));
        String prefix = args[1];
        RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false));
        // The server's own writer: the table streamed group by group into the temp file.
        SnapshotWriter writer = new SnapshotWriter(store, routes, System::currentTimeMillis);
        for (long n = 0; ; n++) {
            String name = prefix + "-" + n;
            Map<String, TopicConfig> topics = new LinkedHashMap<>();
            for (int t = 0; t < 50; t++) {
                topics.put(name + "-t" + t, new TopicConfig(name + "-t" + t, 8, 8, 6, TopicFilterType.SINGLE_TAG, 0,
                    false, Map.of()));
            }
            routes.registerBroker(BrokerRegistration.builder("CrashCluster", "10.0." + (n / 250 % 250) + "."
                + (n % 250) + ":10911", name, 0).enableActingMaster(false)
                .topics(TopicConfigSerializeWrapper.of(new DataVersion(0, 1, n), topics)).build());
            if (!writer.writeIfChanged()) {
                throw new IOException("route snapshot not written: " + writer.state().lastError());
            }
            System.out.println("ACK " + name);
            System.out.flush();
        }
    }
}
