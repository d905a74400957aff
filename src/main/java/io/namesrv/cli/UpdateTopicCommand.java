package io.namesrv.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/**
 * {@code updateTopic -t (-b addr | -c cluster) [-r -w -p -o -u -s -a]}: creates or changes a
 * topic on one broker or on every master of a cluster (UPDATE_AND_CREATE_TOPIC, 17, to each
 * broker), and with {@code -o true} records the order configuration in the name servers
 * (ORDER_TOPIC_CONFIG). Apache's options, defaults and lines.
 */
final class UpdateTopicCommand implements SubCommand {

    private static final int DEFAULT_QUEUE_NUMS = 8;

    @Override
    public String name() {
        return "updateTopic";
    }

    @Override
    public String description() {
        return "Update or create topic.";
    }

    @Override
    public String details() {
        return "Sends UPDATE_AND_CREATE_TOPIC (17) to the broker at -b, or to every master of cluster -c, which"
            + " registers the topic with the name servers. With -o true the order configuration (brokerName:writeQueueNums)"
            + " goes to every name server (KV namespace ORDER_TOPIC_CONFIG). Booleans must be true or false and numbers"
            + " numbers (Apache takes a typo as false). With -c, a broker that fails is reported and the others are still"
            + " done; the command then exits 1.";
    }

    @Override
    public void addOptions(Options options) {
        OptionGroup where = new OptionGroup();
        where.addOption(new Option("b", "brokerAddr", true, "create topic to which broker"));
        where.addOption(new Option("c", "clusterName", true, "create topic to which cluster"));
        where.setRequired(true);
        options.addOptionGroup(where);
        options.addOption("a", "attributes", true, "attribute(+a=b,+c=d,-e)");
        options.addOption(UpdateKvConfigCommand.required("t", "topic", "topic name"));
        options.addOption("r", "readQueueNums", true, "set read queue nums");
        options.addOption("w", "writeQueueNums", true, "set write queue nums");
        options.addOption("p", "perm", true, "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]");
        options.addOption("o", "order", true, "set topic's order(true|false)");
        options.addOption("u", "unit", true, "is unit topic (true|false)");
        options.addOption("s", "hasUnitSub", true, "has unit sub (true|false)");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        boolean order = ctx.flag("o");
        TopicSettings topic = new TopicSettings(ctx.required("t", "topic"),
            ctx.intOption("r", DEFAULT_QUEUE_NUMS), ctx.intOption("w", DEFAULT_QUEUE_NUMS),
            ctx.intOption("p", TopicSettings.PERM_READ_WRITE), TopicSettings.sysFlag(ctx.flag("u"), ctx.flag("s")),
            order, TopicSettings.parseAttributes(ctx.trimmed("a")));
        if (!TopicSettings.validPerm(topic.perm())) {
            throw CliException.usage("topicPermission value: " + topic.perm() + " is invalid.");
        }
        // -b or -c: the option group makes the parser insist on exactly one
        String broker = ctx.trimmed("b");
        if (broker != null) {
            onBroker(ctx, topic, broker);
        } else {
            onCluster(ctx, topic, ctx.trimmed("c"));
        }
    }

    private void onBroker(CommandContext ctx, TopicSettings topic, String addr) throws CliException, InterruptedException {
        BrokerAdmin.createTopic(ctx, addr, topic);
        String orderConf = null;
        List<EveryNameServer.Outcome> outcomes = List.of();
        if (topic.order()) {
            String brokerName = ClusterBrokers.brokerNameOf(ctx, addr);
            orderConf = OrderConf.mergedWith(ctx, topic.topicName(), brokerName + ":" + topic.writeQueueNums());
            outcomes = OrderConf.put(ctx, topic.topicName(), orderConf);
            if (!ctx.json()) {
                ctx.out().printf("%s%n", String.format("set broker orderConf. isOrder=%s, orderConf=[%s]", true,
                    orderConf));
            }
        }
        if (!ctx.json()) {
            ctx.out().printf("create topic to %s success.%n", addr);
        }
        report(ctx, topic, List.of(addr), List.of(), orderConf, outcomes);
    }

    private void onCluster(CommandContext ctx, TopicSettings topic, String cluster) throws CliException, InterruptedException {
        ClusterBrokers brokers = ClusterBrokers.of(ctx, cluster);
        Set<String> masters = brokers.masters();
        List<String> done = new ArrayList<>();
        List<String> failed = EachBroker.run(ctx, name(), masters, addr -> {
            BrokerAdmin.createTopic(ctx, addr, topic);
            done.add(addr);
            if (!ctx.json()) {
                ctx.out().printf("create topic to %s success.%n", addr);
            }
        });
        String orderConf = null;
        List<EveryNameServer.Outcome> outcomes = List.of();
        if (topic.order()) {
            List<String> parts = new ArrayList<>();
            for (String brokerName : brokers.brokerNames()) {
                parts.add(brokerName + ":" + topic.writeQueueNums());
            }
            orderConf = String.join(";", parts);
            outcomes = OrderConf.put(ctx, topic.topicName(), orderConf);
            if (!ctx.json()) {
                ctx.out().printf("set cluster orderConf. isOrder=%s, orderConf=[%s]%n", true, orderConf);
            }
        }
        report(ctx, topic, done, failed, orderConf, outcomes);
        EachBroker.failIfAny(failed, masters.size());
    }

    private static void report(CommandContext ctx, TopicSettings topic, List<String> done, List<String> failed,
                               String orderConf, List<EveryNameServer.Outcome> outcomes) throws CliException {
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("topicConfig", topic.toJson());
            doc.put("brokers", done);
            doc.put("failedBrokers", failed);
            doc.put("orderConf", orderConf);
            doc.put("nameServers", EveryNameServer.toJson(outcomes));
            ctx.printJson(doc);
        } else {
            ctx.out().printf("%s%n", topic.apacheText());
            if (outcomes.stream().anyMatch(o -> !o.ok())) {
                EveryNameServer.printEach(ctx.out(), outcomes);
            }
        }
        EveryNameServer.failIfAny(outcomes);
    }
}
