package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.TopicList;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.Options;

/**
 * {@code topicList [-c]}: every topic (206). With {@code -c}, each topic's cluster (106 + 105)
 * and consumer groups (asked of a broker, QUERY_TOPIC_CONSUME_BY_WHO 300), as Apache does.
 */
final class TopicListCommand implements SubCommand {

    static final int QUERY_TOPIC_CONSUME_BY_WHO = 300;

    @Override
    public String name() {
        return "topicList";
    }

    @Override
    public String description() {
        return "Fetch all topic list from name server.";
    }

    @Override
    public String details() {
        return "Topics come from GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206), in the order Apache's mqadmin prints them."
            + " -c adds each topic's cluster (from its route, 105) and its consumer groups, which only brokers know"
            + " (300 to one broker of the topic); a group column stays empty when no broker answers. As in Apache,"
            + " -c leaves out %RETRY% and %DLQ% topics.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption("c", "clusterModel", false, "clusterModel");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        AdminClient.Answer answer = ctx.client().callAnyNameServer(
            () -> RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null));
        if (answer.response().getCode() != ResponseCode.SUCCESS) {
            throw AdminClient.refused(answer.addr(), "GET_ALL_TOPIC_LIST_FROM_NAMESERVER", answer.response());
        }
        TopicList list = ctx.bodies().decode(answer.response().getBody(), TopicList.class);
        // A HashSet built like the one Apache's client decodes into, so topics come out in its order.
        Set<String> topics = new HashSet<>(list == null ? Set.of() : list.topicList());
        if (ctx.line().hasOption("c")) {
            clusterModel(ctx, topics);
        } else if (ctx.json()) {
            ctx.printJson(Map.of("topics", new ArrayList<>(topics)));
        } else {
            topics.forEach(ctx.out()::println);
        }
    }

    private void clusterModel(CommandContext ctx, Set<String> topics) throws CliException, InterruptedException {
        ClusterInfo info = ClusterInfos.fetch(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!ctx.json()) {
            ctx.out().printf("%-20s  %-48s  %-48s%n", "#Cluster Name", "#Topic", "#Consumer Group");
        }
        for (String topic : topics) {
            if (topic.startsWith("%RETRY%") || topic.startsWith("%DLQ%")) {
                continue;
            }
            TopicRouteData route = route(ctx, topic);
            String cluster = route == null ? "" : clusterOf(route, info);
            Set<String> groups = route == null ? Set.of() : groups(ctx, topic, route);
            if (groups.isEmpty()) {
                groups = Set.of("");
            }
            for (String group : groups) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("cluster", cluster);
                row.put("topic", topic);
                row.put("consumerGroup", group);
                rows.add(row);
                if (!ctx.json()) {
                    ctx.out().printf("%-20s  %-64s  %-64s%n", cluster, topic, group);
                }
            }
        }
        if (ctx.json()) {
            ctx.printJson(Map.of("topics", rows));
        }
    }

    private static TopicRouteData route(CommandContext ctx, String topic) throws CliException, InterruptedException {
        AdminClient.Answer answer = ctx.client().callAnyNameServer(() -> RemotingCommand.request(
            RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null)));
        if (answer.response().getCode() != ResponseCode.SUCCESS) {
            return null; // deleted between the list and now
        }
        return ctx.bodies().decode(answer.response().getBody(), TopicRouteData.class);
    }

    /** The cluster of the route's first broker group, looked up like Apache does. */
    private static String clusterOf(TopicRouteData route, ClusterInfo info) {
        if (route.brokerDatas().isEmpty()) {
            return "";
        }
        String brokerName = route.brokerDatas().get(0).brokerName();
        for (Map.Entry<String, Set<String>> e : info.clusterAddrTable().entrySet()) {
            if (e.getValue().contains(brokerName)) {
                return e.getKey();
            }
        }
        return "";
    }

    private static Set<String> groups(CommandContext ctx, String topic, TopicRouteData route) throws InterruptedException {
        for (BrokerData data : route.brokerDatas()) {
            String addr = ClusterInfos.selectAddr(data);
            if (addr == null) {
                continue;
            }
            try {
                RemotingCommand response = ctx.client().call(addr, () -> {
                    RemotingCommand r = RemotingCommand.request(QUERY_TOPIC_CONSUME_BY_WHO, null);
                    r.addExtField("topic", topic);
                    return r;
                });
                if (response.getCode() == ResponseCode.SUCCESS) {
                    GroupList groups = ctx.bodies().decode(response.getBody(), GroupList.class);
                    return groups == null || groups.groupList() == null ? Set.of() : new HashSet<>(groups.groupList());
                }
            } catch (CliException e) {
                ctx.err().println("topicList: no consumer groups of " + topic + " from broker " + addr + ": " + e.getMessage());
            }
            return Set.of();
        }
        return Set.of();
    }

    /** A broker's answer to QUERY_TOPIC_CONSUME_BY_WHO. */
    record GroupList(Set<String> groupList) {
    }
}
