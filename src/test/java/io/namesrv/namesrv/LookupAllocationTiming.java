package io.namesrv.namesrv;

import com.sun.management.ThreadMXBean;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heap the name server allocates per route lookup answered from the table's parts, counted by
 * the JVM per thread (so independent of the machine's speed and load): bench-shaped routes (4
 * broker groups of master + slave, 8 queues), one client, the server's threads only. Run:
 *
 * <pre>
 * mvn -B -q -o test-compile && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.namesrv.namesrv.LookupAllocationTiming 200000
 * </pre>
 */
public final class LookupAllocationTiming {

    private LookupAllocationTiming() {
    }

    public static void main(String[] args) throws Exception {
        int lookups = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int topics = 1000;
        Path dir = Files.createTempDirectory("lookup-alloc-");
        try (TestNameServer server = TestNameServer.start(dir)) {
            Map<String, TopicConfig> table = new LinkedHashMap<>();
            for (int t = 0; t < topics; t++) {
                String name = "BenchTopic_" + t;
                table.put(name, new TopicConfig(name, 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
            }
            TopicConfigSerializeWrapper wrapper = TopicConfigSerializeWrapper.of(new DataVersion(0, 1, 1), table);
            for (int g = 0; g < 4; g++) {
                for (int id = 0; id < 2; id++) {
                    String addr = "10.0." + g + "." + id + ":10911";
                    server.controller().getRouteInfoManager().registerBroker(BrokerRegistration.builder("BenchCluster",
                        addr, "BenchBroker_" + g, id).haServerAddr(addr).heartbeatTimeoutMillis(600_000L)
                        .topics(wrapper).build());
                }
            }
            NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig(),
                new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON));
            try {
                ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
                for (int round = 0; round < 5; round++) {
                    long before = serverAllocated(threads);
                    long bodyBytes = 0;
                    for (int i = 0; i < lookups; i++) {
                        RemotingCommand answer = client.invokeSync(server.address(), RemotingCommand.request(
                            RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("BenchTopic_" + (i % topics),
                                null)), 3000);
                        if (answer.getCode() != ResponseCode.SUCCESS) {
                            throw new IllegalStateException("lookup failed: " + answer);
                        }
                        bodyBytes += answer.getBody().length;
                    }
                    long after = serverAllocated(threads);
                    System.out.printf("round %d: %,d lookups, body %d bytes, server allocated %.0f bytes per lookup%n",
                        round, lookups, bodyBytes / lookups, (after - before) / (double) lookups);
                }
            } finally {
                client.close();
            }
        }
    }

    /** Heap allocated so far by the server's threads (remoting and business), not the client's. */
    private static long serverAllocated(ThreadMXBean threads) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith("NettyServer") || name.startsWith("RemotingExecutor") || name.startsWith("ClientManage")
                || name.startsWith("NettyNIOBoss") || name.startsWith("NettyServerCodec")) {
                long bytes = threads.getThreadAllocatedBytes(t.getId());
                if (bytes > 0) {
                    total += bytes;
                }
            }
        }
        return total;
    }
}
