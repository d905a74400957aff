package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.namesrv.protocol.header.DeleteTopicRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.cli.Options;

/**
 * {@code deleteTopic -t -c}: as Apache does, first on the cluster's master brokers
 * (DELETE_TOPIC_IN_BROKER, 215), then in every name server (DELETE_TOPIC_IN_NAMESRV, 216, with
 * the cluster name so other clusters keep their queues).
 */
final class DeleteTopicCommand implements SubCommand {

    @Override
    public String name() {
        return "deleteTopic";
    }

    @Override
    public String description() {
        return "Delete topic from broker and NameServer.";
    }

    @Override
    public String details() {
        return "Finds the cluster's master brokers (106), deletes the topic on each (215), then in every name server"
            + " (216 with clusterName). If a broker fails, the name servers are left untouched and the command exits 1.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("t", "topic", "topic name"));
        options.addOption(UpdateKvConfigCommand.required("c", "clusterName", "delete topic from which cluster"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String topic = ctx.required("t", "topic");
        String cluster = ctx.required("c", "cluster name");
        ClusterInfo info = ClusterInfos.fetch(ctx);
        if (!info.clusterAddrTable().containsKey(cluster)) {
            throw new CliException("no cluster named '" + cluster + "' on the name server; known: "
                + new TreeSet<>(info.clusterAddrTable().keySet()));
        }
        List<String> masters = new ArrayList<>();
        for (String brokerName : info.clusterAddrTable().get(cluster)) {
            BrokerData data = info.brokerAddrTable().get(brokerName);
            if (data != null && data.brokerAddrs() != null && data.brokerAddrs().get(0L) != null) {
                masters.add(data.brokerAddrs().get(0L));
            }
        }
        for (String master : masters) {
            ctx.client().callOk(master, "DELETE_TOPIC_IN_BROKER of " + topic,
                () -> RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_BROKER, new DeleteTopicRequestHeader(topic)));
        }
        if (!ctx.json()) {
            ctx.out().printf("delete topic [%s] from cluster [%s] success.%n", topic, cluster);
        }
        List<EveryNameServer.Outcome> outcomes = EveryNameServer.call(ctx, ctx.client().nameServers(),
            () -> RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_NAMESRV,
                new DeleteTopicFromNamesrvRequestHeader(topic, cluster)));
        boolean allOk = outcomes.stream().allMatch(EveryNameServer.Outcome::ok);
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("topic", topic);
            doc.put("cluster", cluster);
            doc.put("brokers", masters);
            doc.put("ok", allOk);
            doc.put("nameServers", EveryNameServer.toJson(outcomes));
            ctx.printJson(doc);
        } else {
            if (allOk) {
                ctx.out().printf("delete topic [%s] from NameServer success.%n", topic);
            }
            EveryNameServer.printEach(ctx.out(), outcomes);
        }
        EveryNameServer.failIfAny(outcomes);
    }
}
