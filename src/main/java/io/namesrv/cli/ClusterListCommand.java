package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.Options;

/**
 * {@code clusterList [-m] [-i s] [-c cluster]}: the clusters and brokers the name server knows
 * (106), with each broker's runtime stats fetched from the broker itself (28), in Apache's columns.
 */
final class ClusterListCommand implements SubCommand {

    private static final String HEADER = "%-22s  %-22s  %-4s  %-22s %-16s  %16s  %30s  %-22s  %-11s  %-12s  %-8s  %-10s%n";
    private static final String ROW = "%-22s  %-22s  %-4s  %-22s %-16s  %16s  %30s  %-22s  %11s  %-12s  %-8s  %10s%n";
    private static final String MORE_HEADER = "%-16s  %-32s %14s %14s %14s %14s%n";
    private static final String MORE_ROW = "%-16s  %-32s %14d %14d %14d %14d%n";

    @Override
    public String name() {
        return "clusterList";
    }

    @Override
    public String description() {
        return "List cluster infos.";
    }

    @Override
    public String details() {
        return "Brokers come from the name server (GET_BROKER_CLUSTER_INFO, 106); version, TPS, timer, page-cache wait,"
            + " hours of messages, disk ratio and activation come from each broker (GET_BROKER_RUNTIME_INFO, 28)."
            + " A broker that cannot be reached is still listed, with zero figures as Apache prints them, and a"
            + " warning on stderr (in --json its stats are null). -m prints message totals instead; -i repeats every <s> seconds.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption("m", "moreStats", false, "Print more stats");
        options.addOption("i", "interval", true, "specify intervals numbers, it is in seconds");
        options.addOption("c", "clusterName", true, "which cluster");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        long intervalSeconds = Interval.seconds(ctx);
        String only = ctx.line().hasOption("c") ? ctx.line().getOptionValue("c").trim() : null;
        boolean more = ctx.line().hasOption("m");
        while (true) {
            ClusterInfo info = ClusterInfos.fetch(ctx);
            // Apache walks clusters in HashMap order (and broker names sorted): same here, row for row.
            Set<String> clusters = new HashMap<>(info.clusterAddrTable()).keySet();
            if (only != null) {
                if (!clusters.contains(only)) {
                    throw new CliException("no cluster named '" + only + "' on the name server; known: "
                        + new TreeSet<>(clusters));
                }
                clusters = Set.of(only);
            }
            List<Map<String, Object>> rows = more ? printMore(ctx, info, clusters) : printBase(ctx, info, clusters);
            if (ctx.json()) {
                ctx.printJson(Map.of("brokers", rows));
            }
            if (intervalSeconds <= 0) {
                return;
            }
            TimeUnit.SECONDS.sleep(intervalSeconds);
        }
    }

    private List<Map<String, Object>> printBase(CommandContext ctx, ClusterInfo info, Set<String> clusters)
        throws InterruptedException {
        if (!ctx.json()) {
            ctx.out().printf(HEADER, "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)",
                "#OutTPS(LOAD)", "#Timer(Progress)", "#PCWait(ms)", "#Hour", "#SPACE", "#ACTIVATED");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String cluster : clusters) {
            for (String brokerName : new TreeSet<>(info.clusterAddrTable().get(cluster))) {
                BrokerData data = info.brokerAddrTable().get(brokerName);
                if (data == null) {
                    continue;
                }
                for (Map.Entry<Long, String> e : ClusterInfos.addrsInApacheOrder(data).entrySet()) {
                    BrokerStats stats = statsOrNull(ctx, e.getValue());
                    rows.add(printBaseRow(ctx, cluster, brokerName, e.getKey(), e.getValue(), stats));
                }
            }
        }
        return rows;
    }

    private static Map<String, Object> printBaseRow(CommandContext ctx, String cluster, String brokerName, long id,
                                                    String addr, BrokerStats stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cluster", cluster);
        row.put("brokerName", brokerName);
        row.put("brokerId", id);
        row.put("addr", addr);
        row.put("stats", stats == null ? null : stats.table());
        if (ctx.json()) {
            return row;
        }
        if (stats == null) {
            stats = BrokerStats.unreachable();
        }
        String in = String.format("%9.2f(%s,%sms)", stats.firstTps("putTps"), stats.get("sendThreadPoolQueueSize"),
            stats.get("sendThreadPoolQueueHeadWaitTimeMills"));
        String out = String.format("%9.2f(%s,%sms|%s,%sms)", stats.firstTps("getTransferredTps"),
            stats.get("pullThreadPoolQueueSize"), stats.get("pullThreadPoolQueueHeadWaitTimeMills"),
            stats.getOrDefault("ackThreadPoolQueueSize", "N"), stats.getOrDefault("ackThreadPoolQueueHeadWaitTimeMills", "N"));
        String timer = String.format("%d-%d(%.1fw, %.1f, %.1f)", stats.longValue("timerReadBehind"),
            stats.longValue("timerOffsetBehind"), stats.longValue("timerCongestNum") / 10000.0f,
            stats.floatValue("timerEnqueueTps"), stats.floatValue("timerDequeueTps"));
        ctx.out().printf(ROW, cluster, brokerName, id, addr, stats.get("brokerVersionDesc"), in, out, timer,
            stats.get("pageCacheLockTimeMills"), String.format("%2.2f", stats.hoursOfMessages(System.currentTimeMillis())),
            String.format("%.4f", stats.doubleValue("commitLogDiskRatio")),
            Boolean.parseBoolean(stats.get("brokerActive")));
        return row;
    }

    private List<Map<String, Object>> printMore(CommandContext ctx, ClusterInfo info, Set<String> clusters)
        throws InterruptedException {
        if (!ctx.json()) {
            ctx.out().printf(MORE_HEADER, "#Cluster Name", "#Broker Name", "#InTotalYest", "#OutTotalYest", "#InTotalToday",
                "#OutTotalToday");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String cluster : clusters) {
            for (String brokerName : new TreeSet<>(info.clusterAddrTable().get(cluster))) {
                BrokerData data = info.brokerAddrTable().get(brokerName);
                if (data == null) {
                    continue;
                }
                // one row per broker process (master and each replica), as Apache prints them
                for (String addr : ClusterInfos.addrsInApacheOrder(data).values()) {
                    BrokerStats fetched = statsOrNull(ctx, addr);
                    BrokerStats s = fetched == null ? BrokerStats.unreachable() : fetched;
                    long inYesterday = s.longValue("msgPutTotalTodayMorning") - s.longValue("msgPutTotalYesterdayMorning");
                    long outYesterday = s.longValue("msgGetTotalTodayMorning") - s.longValue("msgGetTotalYesterdayMorning");
                    long inToday = s.longValue("msgPutTotalTodayNow") - s.longValue("msgPutTotalTodayMorning");
                    long outToday = s.longValue("msgGetTotalTodayNow") - s.longValue("msgGetTotalTodayMorning");
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("cluster", cluster);
                    row.put("brokerName", brokerName);
                    row.put("addr", addr);
                    // JSON says "unknown" (null) where the text, like Apache's, can only print 0.
                    row.put("inTotalYesterday", fetched == null ? null : inYesterday);
                    row.put("outTotalYesterday", fetched == null ? null : outYesterday);
                    row.put("inTotalToday", fetched == null ? null : inToday);
                    row.put("outTotalToday", fetched == null ? null : outToday);
                    rows.add(row);
                    if (!ctx.json()) {
                        ctx.out().printf(MORE_ROW, cluster, brokerName, inYesterday, outYesterday, inToday, outToday);
                    }
                }
            }
        }
        return rows;
    }

    private static BrokerStats statsOrNull(CommandContext ctx, String addr) throws InterruptedException {
        try {
            return BrokerStats.fetch(ctx, addr);
        } catch (CliException e) {
            ctx.err().println("clusterList: no runtime stats from broker " + addr + ": " + e.getMessage());
            return null;
        }
    }
}
