package io.namesrv.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * {@code updateBrokerConfig -k -v (-b addr | -c cluster [-a x])}: changes one setting of a running
 * broker (UPDATE_BROKER_CONFIG, 25), or of every master of a cluster ({@code -a}: and every
 * replica), with Apache's lines.
 */
final class UpdateBrokerConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "updateBrokerConfig";
    }

    @Override
    public String description() {
        return "Update broker's config.";
    }

    @Override
    public String details() {
        return "Sends UPDATE_BROKER_CONFIG (25) with the body 'key=value' to the broker at -b, or to every master of cluster"
            + " -c (with -a, which takes any value as Apache's does, to the replicas too). The broker persists it in its"
            + " own config file. With -c, a broker that refuses or does not answer is reported on stderr and the others"
            + " are still changed; the command then exits 1.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption("b", "brokerAddr", true, "update which broker");
        options.addOption("c", "clusterName", true, "update which cluster");
        options.addOption("a", "updateAllBroker", true, "update all brokers include slave");
        options.addOption(UpdateKvConfigCommand.required("k", "key", "config key"));
        options.addOption(UpdateKvConfigCommand.required("v", "value", "config value"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String key = ctx.required("k", "key");
        String value = ctx.trimmed("v");
        if (key.equals("brokerPermission")) {
            int perm;
            try {
                perm = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                perm = -1;
            }
            if (!TopicSettings.validPerm(perm)) {
                throw CliException.usage("brokerPermission value: " + value + " is invalid.");
            }
        }
        String broker = ctx.trimmed("b");
        String cluster = ctx.trimmed("c");
        Collection<String> addrs;
        if (broker != null) {
            addrs = List.of(broker);
        } else if (cluster != null) {
            ClusterBrokers brokers = ClusterBrokers.of(ctx, cluster);
            addrs = ctx.line().hasOption("a") ? brokers.mastersAndReplicas() : brokers.masters();
        } else {
            throw CliException.usage("give -b brokerAddr or -c clusterName");
        }
        List<String> done = new ArrayList<>();
        List<String> failed = EachBroker.run(ctx, name(), addrs, addr -> {
            BrokerAdmin.updateConfig(ctx, addr, key, value);
            done.add(addr);
            if (!ctx.json()) {
                ctx.out().printf("update broker config success, %s\n", addr);
            }
        });
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("key", key);
            doc.put("value", value);
            doc.put("brokers", done);
            doc.put("failedBrokers", failed);
            ctx.printJson(doc);
        }
        EachBroker.failIfAny(failed, addrs.size());
    }
}
