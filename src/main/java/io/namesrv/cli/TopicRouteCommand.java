package io.namesrv.cli;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.cli.Options;

/** {@code topicRoute -t [-l]}: GET_ROUTEINFO_BY_TOPIC (105), as Apache's pretty JSON or its list table. */
final class TopicRouteCommand implements SubCommand {

    private static final String LIST_FORMAT = "%-45s %-32s %-50s %-10s %-11s %-5s%n";
    private static final int RULE_WIDTH = 158;

    @Override
    public String name() {
        return "topicRoute";
    }

    @Override
    public String description() {
        return "Examine topic route info.";
    }

    @Override
    public String details() {
        return "Asks the first name server that answers (GET_ROUTEINFO_BY_TOPIC, 105) and prints the route in the same"
            + " tab-indented JSON layout as Apache's mqadmin; -l prints one row per broker and the queue totals.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("t", "topic", "topic name"));
        options.addOption("l", "list", false, "Use list format to print data");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        TopicRouteData route = TopicRoutes.fetch(ctx, ctx.required("t", "topic"));
        if (ctx.json()) {
            ctx.printJson(route);
        } else if (ctx.line().hasOption("l")) {
            printList(ctx, route);
        } else {
            ctx.out().printf("%s%n", Fastjson1Pretty.write(tree(route)));
        }
    }

    private static void printList(CommandContext ctx, TopicRouteData route) {
        Map<String, QueueData> queues = new HashMap<>();
        route.queueDatas().forEach(q -> queues.put(q.brokerName(), q));
        List<BrokerData> brokers = new ArrayList<>(route.brokerDatas());
        brokers.sort(Comparator.comparing(BrokerData::brokerName));
        ctx.out().printf(LIST_FORMAT, "#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm");
        int totalRead = 0;
        int totalWrite = 0;
        for (BrokerData b : brokers) {
            QueueData q = queues.get(b.brokerName());
            if (q == null) {
                continue; // a broker group without queues for this topic has nothing to count
            }
            totalRead += q.readQueueNums();
            totalWrite += q.writeQueueNums();
            ctx.out().printf(LIST_FORMAT, b.cluster(), b.brokerName(), ClusterInfos.addrsInApacheOrder(b),
                q.readQueueNums(), q.writeQueueNums(), q.perm());
        }
        ctx.out().printf("%s%n", "-".repeat(RULE_WIDTH));
        ctx.out().printf(LIST_FORMAT, "Total:", queues.size(), "", totalRead, totalWrite, "");
    }

    /** The route as Apache's TopicRouteData object holds it: always its three collections, beans sorted. */
    private static SortedMap<String, Object> tree(TopicRouteData route) {
        SortedMap<String, Object> root = new TreeMap<>();
        List<Object> brokers = new ArrayList<>();
        for (BrokerData b : route.brokerDatas()) {
            SortedMap<String, Object> bean = new TreeMap<>();
            bean.put("brokerAddrs", b.brokerAddrs() == null ? new HashMap<>() : new HashMap<>(b.brokerAddrs()));
            bean.put("brokerName", b.brokerName());
            bean.put("cluster", b.cluster());
            bean.put("enableActingMaster", b.enableActingMaster());
            bean.put("zoneName", b.zoneName());
            brokers.add(bean);
        }
        root.put("brokerDatas", brokers);
        root.put("filterServerTable", route.filterServerTable() == null ? Map.of() : route.filterServerTable());
        root.put("orderTopicConf", route.orderTopicConf());
        List<Object> queues = new ArrayList<>();
        for (QueueData q : route.queueDatas()) {
            SortedMap<String, Object> bean = new TreeMap<>();
            bean.put("brokerName", q.brokerName());
            bean.put("perm", q.perm());
            bean.put("readQueueNums", q.readQueueNums());
            bean.put("topicSysFlag", q.topicSysFlag());
            bean.put("writeQueueNums", q.writeQueueNums());
            queues.add(bean);
        }
        root.put("queueDatas", queues);
        if (route.topicQueueMappingByBroker() != null) {
            Map<String, Object> byBroker = new HashMap<>();
            route.topicQueueMappingByBroker().forEach((broker, info) -> byBroker.put(broker, generic(JSON.toJSON(info))));
            root.put("topicQueueMappingByBroker", byBroker);
        }
        return root;
    }

    // Objects with numeric keys stay maps (unquoted keys); other objects are beans with sorted fields.
    private static Object generic(Object v) {
        if (v instanceof JSONObject o) {
            boolean numeric = !o.isEmpty() && o.keySet().stream().allMatch(k -> k.matches("-?\\d+"));
            Map<Object, Object> m = numeric ? new HashMap<>() : new TreeMap<>();
            o.forEach((k, x) -> m.put(numeric ? (Object) Long.valueOf(k) : k, generic(x)));
            return m;
        }
        if (v instanceof JSONArray a) {
            return a.stream().map(TopicRouteCommand::generic).toList();
        }
        return v;
    }
}
