package io.namesrv.interop;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.rocketmq.remoting.protocol.body.BrokerReplicasInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;

/**
 * Measures failover time, ours against Apache's embedded controller, with Apache's default
 * broker and controller timeouts on both sides: two Apache 5.3.3 brokers in controller mode, the
 * master killed (SIGKILL), the name server's routes sampled every 20 ms until they name the
 * other broker as master; then the killed broker is restarted, rejoins the in-sync set, and the
 * round repeats, ours and Apache's alternately. It prints a table and asserts nothing about time:
 * it is a benchmark, not a test, and runs only when asked for (its name does not end in Test):
 *
 * <pre>mvn -B -ntp test -Dtest=ControllerFailoverTiming -Dfailover.rounds=3</pre>
 */
class ControllerFailoverTiming {

    private static final Duration SETTLE = Duration.ofSeconds(120);

    @Test
    void measure() throws Exception {
        int rounds = Integer.getInteger("failover.rounds", 3);
        Map<String, List<Long>> results = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            results.computeIfAbsent("ours", k -> new ArrayList<>()).addAll(run(new ControllerFailoverInteropTest()));
            results.computeIfAbsent("apache", k -> new ArrayList<>()).addAll(run(new ControllerFailoverInteropApacheTest()));
        }
        System.out.println("controller failover, SIGKILL of the master -> new master in the routes (ms):");
        results.forEach((side, times) -> System.out.printf("  %-7s %s  median %d%n", side, times,
            times.stream().sorted().toList().get(times.size() / 2)));
    }

    /** One name server with its controller, two brokers, two failovers (there and back). */
    private static List<Long> run(ControllerFailoverInterop side) throws Exception {
        String[] addrs = side.startNameServerWithController();
        List<BrokerProcess> brokers = new ArrayList<>();
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        try {
            Map<String, String> config = Map.of("enableControllerMode", "true", "controllerAddr", addrs[1]);
            brokers.add(BrokerProcess.start("TimingCluster", "timing-broker", 0, addrs[0], config));
            brokers.add(BrokerProcess.start("TimingCluster", "timing-broker", 0, addrs[0], config));
            admin.setNamesrvAddr(addrs[0]);
            admin.setInstanceName("timing-" + System.nanoTime());
            admin.start();
            List<Long> times = new ArrayList<>();
            for (int failover = 0; failover < 2; failover++) {
                Supplier<BrokerReplicasInfo.ReplicasInfo> replicas = () -> {
                    try {
                        return admin.getInSyncStateData(addrs[1], List.of("timing-broker")).getReplicasInfoTable()
                            .get("timing-broker");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
                Await.until("a master and both in sync", SETTLE, replicas::get,
                    i -> i != null && i.getMasterAddress() != null && i.getInSyncReplicas().size() == 2
                        && i.getInSyncReplicas().stream().allMatch(r -> Boolean.TRUE.equals(r.getAlive())));
                String master = replicas.get().getMasterAddress();
                BrokerProcess victim = brokers.stream().filter(b -> b.address().equals(master)).findFirst().orElseThrow();
                long killed = System.nanoTime();
                victim.crash();
                while (true) {
                    BrokerData g = admin.examineBrokerClusterInfo().getBrokerAddrTable().get("timing-broker");
                    String now = g == null ? null : g.getBrokerAddrs().get(0L);
                    if (now != null && !now.equals(master)) {
                        break;
                    }
                    if (System.nanoTime() - killed > SETTLE.toNanos()) {
                        throw new AssertionError("no new master within " + SETTLE);
                    }
                    Thread.sleep(20);
                }
                times.add((System.nanoTime() - killed) / 1_000_000);
                brokers.set(brokers.indexOf(victim), victim.restart());
            }
            return times;
        } finally {
            admin.shutdown();
            brokers.forEach(BrokerProcess::kill);
            side.stopNameServer();
        }
    }
}
