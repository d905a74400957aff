package io.namesrv.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/**
 * {@code brokerStatus (-b addr | -c cluster)}: a broker's runtime figures (GET_BROKER_RUNTIME_INFO,
 * 28), sorted by name, as Apache prints them; with {@code -c}, every broker process of the cluster,
 * each line prefixed with its address.
 */
final class BrokerStatusCommand implements SubCommand {

    @Override
    public String name() {
        return "brokerStatus";
    }

    @Override
    public String description() {
        return "Fetch broker runtime status data.";
    }

    @Override
    public String details() {
        return "Asks the broker at -b, or every master and replica of cluster -c, for its runtime figures (28). With -c,"
            + " a broker that does not answer is reported on stderr and the others are still printed; the command then"
            + " exits 1.";
    }

    @Override
    public void addOptions(Options options) {
        OptionGroup where = new OptionGroup();
        where.addOption(new Option("b", "brokerAddr", true, "Broker address"));
        where.addOption(new Option("c", "clusterName", true, "which cluster"));
        where.setRequired(true);
        options.addOptionGroup(where);
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String broker = ctx.trimmed("b");
        if (broker != null) {
            Map<String, String> stats = new TreeMap<>(BrokerAdmin.runtimeStats(ctx, broker));
            if (ctx.json()) {
                ctx.printJson(Map.of("brokers", List.of(doc(broker, stats))));
            } else {
                stats.forEach((k, v) -> ctx.out().printf("%-32s: %s%n", k, v));
            }
            return;
        }
        Set<String> addrs = ClusterBrokers.of(ctx, ctx.trimmed("c")).mastersAndReplicas();
        List<Map<String, Object>> docs = new ArrayList<>();
        List<String> failed = EachBroker.run(ctx, name(), addrs, addr -> {
            Map<String, String> stats = new TreeMap<>(BrokerAdmin.runtimeStats(ctx, addr));
            docs.add(doc(addr, stats));
            if (!ctx.json()) {
                stats.forEach((k, v) -> ctx.out().printf("%-24s %-32s: %s%n", addr, k, v));
            }
        });
        if (ctx.json()) {
            ctx.printJson(Map.of("brokers", docs));
        }
        EachBroker.failIfAny(failed, addrs.size());
    }

    private static Map<String, Object> doc(String addr, Map<String, String> stats) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("addr", addr);
        doc.put("stats", stats);
        return doc;
    }
}
