package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * {@code updateTopicPerm -t -p (-b addr | -c cluster)}: changes a topic's permission on one master
 * or on every master of a cluster that serves it (UPDATE_AND_CREATE_TOPIC, 17), keeping each
 * broker's queue numbers from the route. Apache's lines.
 */
final class UpdateTopicPermCommand implements SubCommand {

    @Override
    public String name() {
        return "updateTopicPerm";
    }

    @Override
    public String description() {
        return "Update topic perm.";
    }

    @Override
    public String details() {
        return "Reads the topic's route (105), then sends UPDATE_AND_CREATE_TOPIC (17) with the new permission to the"
            + " master at -b, or to each master of cluster -c that serves the topic. Each broker keeps its own queue"
            + " numbers (Apache's sends every broker the numbers of the route's first broker, and creates the topic on"
            + " masters of the cluster that did not serve it). A permission equal to the old one changes nothing.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption("b", "brokerAddr", true, "create topic to which broker");
        options.addOption("c", "clusterName", true, "create topic to which cluster");
        options.addOption(UpdateKvConfigCommand.required("t", "topic", "topic name"));
        options.addOption(UpdateKvConfigCommand.required("p", "perm",
            "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String topic = ctx.required("t", "topic");
        int perm = ctx.intOption("p", 0);
        if (!TopicSettings.validPerm(perm)) {
            throw CliException.usage("topicPermission value: " + perm + " is invalid.");
        }
        String broker = ctx.trimmed("b");
        String cluster = ctx.trimmed("c");
        if (broker == null && cluster == null) {
            throw CliException.usage("give -b brokerAddr or -c clusterName");
        }
        TopicRouteData route = TopicRoutes.fetch(ctx, topic);
        if (route.queueDatas() == null || route.queueDatas().isEmpty()) {
            throw new CliException("the route of topic '" + topic + "' has no queues");
        }
        if (broker != null) {
            onMaster(ctx, route, topic, perm, broker);
        } else {
            onCluster(ctx, route, topic, perm, cluster);
        }
    }

    private void onMaster(CommandContext ctx, TopicRouteData route, String topic, int perm, String addr)
        throws CliException, InterruptedException {
        String brokerName = masterNamed(route, addr);
        if (brokerName == null) {
            throw new CliException("no broker group serving topic '" + topic + "' has its master at " + addr);
        }
        QueueData queues = queuesOf(route, brokerName);
        int oldPerm = queues == null ? 0 : queues.perm();
        if (perm == oldPerm) {
            if (ctx.json()) {
                ctx.printJson(doc(topic, perm, List.of(Map.of("broker", addr, "oldPerm", oldPerm, "changed", false))));
            } else {
                ctx.out().printf("new perm equals to the old one!%n");
            }
            return;
        }
        TopicSettings settings = settings(topic, perm, queues == null ? route.queueDatas().get(0) : queues);
        BrokerAdmin.createTopic(ctx, addr, settings);
        if (ctx.json()) {
            ctx.printJson(doc(topic, perm, List.of(Map.of("broker", addr, "oldPerm", oldPerm, "changed", true))));
        } else {
            ctx.out().printf("update topic perm from %s to %s in %s success.%n", oldPerm, perm, addr);
            ctx.out().printf("%s.%n", settings.apacheText());
        }
    }

    private void onCluster(CommandContext ctx, TopicRouteData route, String topic, int perm, String cluster)
        throws CliException, InterruptedException {
        ClusterBrokers brokers = ClusterBrokers.of(ctx, cluster);
        Map<String, String> nameOfMaster = new HashMap<>();
        for (BrokerData data : route.brokerDatas()) {
            String master = data.brokerAddrs() == null ? null : data.brokerAddrs().get(0L);
            if (master != null) {
                nameOfMaster.put(master, data.brokerName());
            }
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        List<String> failed = EachBroker.run(ctx, name(), brokers.masters(), addr -> {
            QueueData queues = nameOfMaster.containsKey(addr) ? queuesOf(route, nameOfMaster.get(addr)) : null;
            if (queues == null) {
                ctx.err().printf("%s: the master at %s does not serve topic '%s', left as it is%n", name(), addr, topic);
                return;
            }
            BrokerAdmin.createTopic(ctx, addr, settings(topic, perm, queues));
            changes.add(Map.of("broker", addr, "oldPerm", queues.perm(), "changed", true));
            if (!ctx.json()) {
                ctx.out().printf("update topic perm from %s to %s in %s success.%n", queues.perm(), perm, addr);
            }
        });
        if (ctx.json()) {
            ctx.printJson(doc(topic, perm, changes));
        }
        EachBroker.failIfAny(failed, brokers.masters().size());
    }

    /** The topic as Apache's command sends it: the broker's queue numbers and system flag, the new permission. */
    private static TopicSettings settings(String topic, int perm, QueueData queues) {
        return new TopicSettings(topic, queues.readQueueNums(), queues.writeQueueNums(), perm, queues.topicSysFlag(),
            false, new HashMap<>());
    }

    /** The name of the group in the route whose master (id 0) is at {@code addr}; null when none. */
    private static String masterNamed(TopicRouteData route, String addr) {
        for (BrokerData data : route.brokerDatas()) {
            if (data.brokerAddrs() != null && addr.equals(data.brokerAddrs().get(0L))) {
                return data.brokerName();
            }
        }
        return null;
    }

    private static QueueData queuesOf(TopicRouteData route, String brokerName) {
        return route.queueDatas().stream().filter(q -> brokerName.equals(q.brokerName())).findFirst().orElse(null);
    }

    private static Map<String, Object> doc(String topic, int perm, List<Map<String, Object>> brokers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("topic", topic);
        doc.put("perm", perm);
        doc.put("brokers", brokers);
        return doc;
    }
}
