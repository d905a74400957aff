package io.namesrv.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.Options;

/**
 * {@code getBrokerConfig (-b addr | -c cluster)}: a broker's configuration (GET_BROKER_CONFIG, 26),
 * or that of each master of a cluster followed by its replicas, in Apache's layout.
 */
final class GetBrokerConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "getBrokerConfig";
    }

    @Override
    public String description() {
        return "Get broker config by cluster or special broker.";
    }

    @Override
    public String details() {
        return "Asks the broker at -b, or each master of cluster -c and then its replicas, for its configuration (26)."
            + " Replicas of a group without a master are listed under NO_MASTER. With -c, a broker that does not answer"
            + " is reported on stderr and the others are still printed; the command then exits 1.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption("b", "brokerAddr", true, "get which broker");
        options.addOption("c", "clusterName", true, "get which cluster");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String broker = ctx.trimmed("b");
        String cluster = ctx.trimmed("c");
        List<Map<String, Object>> docs = new ArrayList<>();
        if (broker != null) {
            print(ctx, String.format("============%s============\n", broker), broker, null, docs);
            if (ctx.json()) {
                ctx.printJson(Map.of("brokers", docs));
            }
            return;
        }
        if (cluster == null) {
            throw CliException.usage("give -b brokerAddr or -c clusterName");
        }
        List<String> failed = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, List<String>> group : ClusterBrokers.of(ctx, cluster).mastersWithReplicas().entrySet()) {
            String master = group.getKey();
            total += 1 + group.getValue().size();
            printOrReport(ctx, String.format("============Master: %s============\n", master), master, null, docs, failed);
            for (String replica : group.getValue()) {
                printOrReport(ctx, String.format("============My Master: %s=====Slave: %s============\n", master, replica),
                    replica, master, docs, failed);
            }
        }
        if (ctx.json()) {
            ctx.printJson(Map.of("brokers", docs));
        }
        EachBroker.failIfAny(failed, total);
    }

    private void printOrReport(CommandContext ctx, String banner, String addr, String master,
                               List<Map<String, Object>> docs, List<String> failed) throws InterruptedException {
        try {
            print(ctx, banner, addr, master, docs);
        } catch (CliException e) {
            ctx.err().println(name() + ": " + e.getMessage());
            failed.add(addr);
        }
    }

    /** The banner, then (unless this is the NO_MASTER placeholder) every entry and a blank line. */
    private static void print(CommandContext ctx, String banner, String addr, String master, List<Map<String, Object>> docs)
        throws CliException, InterruptedException {
        if (!ctx.json()) {
            ctx.out().print(banner);
        }
        if (addr.equals(ClusterBrokers.NO_MASTER)) {
            return;
        }
        Properties config = BrokerAdmin.config(ctx, addr);
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("addr", addr);
            doc.put("master", master);
            Map<String, String> sorted = new TreeMap<>();
            config.forEach((k, v) -> sorted.put(k.toString(), v.toString()));
            doc.put("config", sorted);
            docs.add(doc);
            return;
        }
        for (Map.Entry<Object, Object> e : config.entrySet()) {
            ctx.out().printf("%-50s=  %s\n", e.getKey(), e.getValue());
        }
        ctx.out().printf("%n");
    }
}
