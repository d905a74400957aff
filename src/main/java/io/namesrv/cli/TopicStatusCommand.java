package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * {@code topicStatus -t [-c cluster]}: each queue's offsets, from every broker group of the route
 * (GET_TOPIC_STATS_INFO, 202, to the master, else a replica), in Apache's table.
 */
final class TopicStatusCommand implements SubCommand {

    private static final String HEADER = "%-32s  %-4s  %-20s  %-20s    %s%n";
    private static final String ROW = "%-32s  %-4d  %-20d  %-20d    %s%n";
    private static final int NAME_WIDTH = 32;

    @Override
    public String name() {
        return "topicStatus";
    }

    @Override
    public String description() {
        return "Examine topic Status info.";
    }

    @Override
    public String details() {
        return "Finds the topic's brokers in its route (105), or in the route of -c (a cluster name, or the parent topic of"
            + " an LMQ topic), and asks each group's master, else a replica, for the queue offsets (202). Topic Put TPS is"
            + " the sum the brokers report (Apache's always prints 0.0). For a static topic the physical queues are"
            + " listed.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("t", "topic", "topic name"));
        options.addOption("c", "cluster", true, "cluster name or lmq parent topic, lmq is used to find the route.");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String topic = ctx.required("t", "topic");
        String routeOf = ctx.trimmed("c");
        TopicRouteData route = TopicRoutes.fetch(ctx, routeOf == null ? topic : routeOf);
        Map<MessageQueue, TopicStats.Offsets> offsets = new HashMap<>();
        double tps = 0;
        for (BrokerData data : route.brokerDatas()) {
            String addr = ClusterInfos.selectAddr(data);
            if (addr != null) {
                TopicStats stats = BrokerAdmin.topicStats(ctx, addr, topic);
                offsets.putAll(stats.offsetTable());
                tps += stats.topicPutTps();
            }
        }
        if (offsets.isEmpty()) {
            throw new CliException("no broker has stats of topic '" + topic + "'");
        }
        List<MessageQueue> queues = new ArrayList<>(offsets.keySet());
        queues.sort(null);
        if (ctx.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (MessageQueue q : queues) {
                TopicStats.Offsets o = offsets.get(q);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("brokerName", q.brokerName());
                row.put("queueId", q.queueId());
                row.put("minOffset", o.minOffset());
                row.put("maxOffset", o.maxOffset());
                row.put("lastUpdateTimestamp", o.lastUpdateTimestamp());
                rows.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("topic", topic);
            doc.put("queues", rows);
            doc.put("topicPutTps", tps);
            ctx.printJson(doc);
            return;
        }
        ctx.out().printf(HEADER, "#Broker Name", "#QID", "#Min Offset", "#Max Offset", "#Last Updated");
        for (MessageQueue q : queues) {
            TopicStats.Offsets o = offsets.get(q);
            String name = q.brokerName() != null && q.brokerName().length() > NAME_WIDTH
                ? q.brokerName().substring(0, NAME_WIDTH) : q.brokerName();
            ctx.out().printf(ROW, name, q.queueId(), o.minOffset(), o.maxOffset(),
                o.lastUpdateTimestamp() > 0 ? humanTime(o.lastUpdateTimestamp()) : "");
        }
        ctx.out().printf("%n");
        ctx.out().printf("Topic Put TPS: %s%n", tps);
    }

    /** {@code 2024-05-01 13:45:07,123} in the local time zone, as Apache's timeMillisToHumanString2. */
    static String humanTime(long millis) {
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(millis);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d,%03d", cal.get(Calendar.YEAR), cal.get(Calendar.MONTH) + 1,
            cal.get(Calendar.DAY_OF_MONTH), cal.get(Calendar.HOUR_OF_DAY), cal.get(Calendar.MINUTE),
            cal.get(Calendar.SECOND), cal.get(Calendar.MILLISECOND));
    }
}
