package io.namesrv.cli;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.Options;

/**
 * {@code getBrokerEpoch (-b|-c) [-i]}: each broker's epoch cache (GET_BROKER_EPOCH_CACHE, 1007,
 * answered by the brokers themselves), for the brokers the name server lists.
 */
final class GetBrokerEpochCommand implements SubCommand {

    @Override
    public String name() {
        return "getBrokerEpoch";
    }

    @Override
    public String description() {
        return "Fetch broker epoch entries.";
    }

    @Override
    public String details() {
        return "Finds the brokers of -b (a broker name) or -c (a cluster) on the name server and asks each of them for"
            + " its epoch entries (GET_BROKER_EPOCH_CACHE, 1007); -i repeats every so many seconds until interrupted.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption("c", "clusterName", true, "which cluster");
        options.addOption("b", "brokerName", true, "which broker to fetch");
        options.addOption("i", "interval", true, "the interval(second) of get info");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        long interval = Interval.seconds(ctx);
        while (true) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (String addr : addresses(groups(ctx))) {
                RemotingCommand response = ctx.client().callOk(addr, "GET_BROKER_EPOCH_CACHE",
                    () -> RemotingCommand.request(ControllerCodes.GET_BROKER_EPOCH_CACHE, null));
                JSONObject cache = JSON.parseObject(new String(response.getBody(), StandardCharsets.UTF_8));
                if (ctx.json()) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("brokerAddr", addr);
                    doc.put("epochCache", cache);
                    docs.add(doc);
                } else {
                    print(ctx, addr, cache);
                }
            }
            if (ctx.json()) {
                ctx.printJson(Map.of("brokers", docs));
            }
            if (interval <= 0) {
                return;
            }
            TimeUnit.SECONDS.sleep(interval);
        }
    }

    /** Every replica's address, in the order Apache's command walks them (a HashSet of addresses). */
    private static Set<String> addresses(List<BrokerData> groups) {
        Set<String> addrs = new HashSet<>();
        groups.forEach(g -> addrs.addAll(ClusterInfos.addrsInApacheOrder(g).values()));
        return addrs;
    }

    private static List<BrokerData> groups(CommandContext ctx) throws CliException, InterruptedException {
        ClusterInfo info = ClusterInfos.fetch(ctx);
        Map<String, BrokerData> table = info.brokerAddrTable() == null ? Map.of() : info.brokerAddrTable();
        if (ctx.line().hasOption("b")) {
            String name = ctx.required("b", "broker name");
            BrokerData group = table.get(name);
            if (group == null) {
                throw new CliException("no broker named '" + name + "' on the name server");
            }
            return List.of(group);
        }
        if (!ctx.line().hasOption("c")) {
            throw CliException.usage("give a broker name (-b) or a cluster (-c)");
        }
        String cluster = ctx.required("c", "cluster name");
        Set<String> names = info.clusterAddrTable() == null ? null : info.clusterAddrTable().get(cluster);
        if (names == null || names.isEmpty()) {
            throw new CliException("Make sure the specified clusterName exists or the name server connected to is correct.");
        }
        List<BrokerData> groups = new ArrayList<>();
        for (String name : names) {
            if (table.containsKey(name)) {
                groups.add(table.get(name));
            }
        }
        return groups;
    }

    private static void print(CommandContext ctx, String addr, JSONObject cache) {
        ctx.out().printf("%n#clusterName\t%s%n#brokerName\t%s%n#brokerAddr\t%s%n#brokerId\t%s%n",
            cache.getString("clusterName"), cache.getString("brokerName"), addr, cache.getLong("brokerId"));
        JSONArray entries = cache.getJSONArray("epochList");
        if (entries == null) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            JSONObject e = entries.getJSONObject(i);
            // the last epoch is still open (the broker sends Long.MAX_VALUE): shown ending at the max offset, as Apache does
            long end = i == entries.size() - 1 ? cache.getLongValue("maxOffset") : e.getLongValue("endOffset");
            ctx.out().printf("#Epoch: EpochEntry{epoch=%d, startOffset=%d, endOffset=%d}%n", e.getIntValue("epoch"),
                e.getLongValue("startOffset"), end);
        }
    }
}
