package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.TopicRouteData;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.cli.Options;

/**
 * {@code topicClusterList -t}: the clusters whose brokers serve a topic, one per line, from its
 * route (105) and the cluster table (106). Apache's command prints only the cluster of the first
 * broker group in the route; this prints every cluster the topic is on (the same line when it is
 * on one cluster).
 */
final class TopicClusterListCommand implements SubCommand {

    @Override
    public String name() {
        return "topicClusterList";
    }

    @Override
    public String description() {
        return "Get cluster info for topic.";
    }

    @Override
    public String details() {
        return "Prints the name of every cluster with a broker group serving the topic, one per line, sorted"
            + " (GET_ROUTEINFO_BY_TOPIC, 105, and GET_BROKER_CLUSTER_INFO, 106). Apache's mqadmin prints only the"
            + " cluster of the route's first broker group, so for a topic on several clusters it shows one of them.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("t", "topic", "topic name"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String topic = ctx.required("t", "topic");
        TopicRouteData route = TopicRoutes.fetch(ctx, topic);
        ClusterInfo info = ClusterInfos.fetch(ctx);
        Set<String> brokerNames = route.brokerDatas().stream().map(BrokerData::brokerName).collect(Collectors.toSet());
        Set<String> clusters = new TreeSet<>();
        for (Map.Entry<String, Set<String>> cluster : info.clusterAddrTable().entrySet()) {
            if (cluster.getValue().stream().anyMatch(brokerNames::contains)) {
                clusters.add(cluster.getKey());
            }
        }
        if (ctx.json()) {
            ctx.printJson(Map.of("topic", topic, "clusters", clusters));
        } else {
            clusters.forEach(ctx.out()::println);
        }
    }
}
