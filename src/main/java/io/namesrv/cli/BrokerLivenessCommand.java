package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.BrokerLiveness;
import io.namesrv.protocol.BrokerLivenessTable;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.DataVersion;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * {@code brokerLiveness} (ours): each name server's view of its live brokers: time since the last
 * registration or heartbeat, the timeout after which it expires them, and their data version.
 * Uses our private read-only code GET_BROKER_LIVENESS (40001), which Apache's name server lacks.
 */
final class BrokerLivenessCommand implements SubCommand {

    private static final String FORMAT = "%-22s  %-22s  %-4s  %-22s  %16s  %12s  %14s  %s%n";

    @Override
    public String name() {
        return "brokerLiveness";
    }

    @Override
    public String description() {
        return "Broker liveness as each name server sees it: heartbeat age, timeout, data version (ours).";
    }

    @Override
    public String details() {
        return "Asks every name server with our private request code " + RequestCode.GET_BROKER_LIVENESS
            + " (GET_BROKER_LIVENESS, read-only) and joins it with the cluster view (106) for broker names and ids."
            + " Ages are computed on the name server's clock. An Apache name server answers"
            + " REQUEST_CODE_NOT_SUPPORTED, which is reported as a failure for that server.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption("c", "clusterName", true, "only this cluster");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String only = ctx.line().getOptionValue("c");
        List<EveryNameServer.Outcome> outcomes = EveryNameServer.call(ctx, ctx.client().nameServers(),
            () -> RemotingCommand.request(RequestCode.GET_BROKER_LIVENESS, null));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (EveryNameServer.Outcome o : outcomes) {
            Map<String, Object> doc = new LinkedHashMap<>(o.toJson());
            docs.add(doc);
            if (!ctx.json()) {
                ctx.out().printf("============%s============%n", o.nameServer());
            }
            if (!o.ok()) {
                if (!ctx.json()) {
                    ctx.out().printf("  FAILED, %s%n", o.error());
                }
                continue;
            }
            BrokerLivenessTable table = ctx.bodies().decode(o.response().getBody(), BrokerLivenessTable.class);
            List<Map<String, Object>> rows = rows(table, clusterInfo(ctx, o.nameServer()), only == null ? null : only.trim());
            doc.put("now", table.now());
            doc.put("brokers", rows);
            if (!ctx.json()) {
                ctx.out().printf(FORMAT, "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#LastHeartbeat(ms)",
                    "#Timeout(ms)", "#ExpiresIn(ms)", "#DataVersion");
                for (Map<String, Object> r : rows) {
                    ctx.out().printf(FORMAT, r.get("cluster"), r.get("brokerName"), r.get("brokerId"), r.get("addr"),
                        r.get("lastHeartbeatAgeMillis"), r.get("heartbeatTimeoutMillis"), r.get("expiresInMillis"),
                        r.get("dataVersion"));
                }
            }
        }
        if (ctx.json()) {
            ctx.printJson(Map.of("nameServers", docs));
        }
        EveryNameServer.failIfAny(outcomes);
    }

    private static ClusterInfo clusterInfo(CommandContext ctx, String nameServer) throws CliException, InterruptedException {
        RemotingCommand response = ctx.client().callOk(nameServer, "GET_BROKER_CLUSTER_INFO",
            () -> RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO, null));
        ClusterInfo info = ctx.bodies().decode(response.getBody(), ClusterInfo.class);
        return info == null ? new ClusterInfo(Map.of(), Map.of()) : info;
    }

    private static List<Map<String, Object>> rows(BrokerLivenessTable table, ClusterInfo info, String onlyCluster) {
        Map<String, Map.Entry<String, Long>> byAddr = new LinkedHashMap<>();
        for (BrokerData data : info.brokerAddrTable().values()) {
            if (data.brokerAddrs() != null) {
                data.brokerAddrs().forEach((id, addr) -> byAddr.put(addr, Map.entry(data.brokerName(), id)));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BrokerLiveness live : table.brokers()) {
            if (onlyCluster != null && !onlyCluster.equals(live.clusterName())) {
                continue;
            }
            Map.Entry<String, Long> member = byAddr.get(live.brokerAddr());
            long age = table.now() - live.lastUpdateTimestamp();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("cluster", live.clusterName());
            r.put("brokerName", member == null ? "" : member.getKey());
            r.put("brokerId", member == null ? "" : member.getValue());
            r.put("addr", live.brokerAddr());
            r.put("lastHeartbeatAgeMillis", age);
            r.put("heartbeatTimeoutMillis", live.heartbeatTimeoutMillis());
            r.put("expiresInMillis", live.heartbeatTimeoutMillis() - age);
            r.put("dataVersion", describe(live.dataVersion()));
            rows.add(r);
        }
        rows.sort(Comparator.comparing((Map<String, Object> r) -> r.get("cluster").toString())
            .thenComparing(r -> r.get("brokerName").toString())
            .thenComparing(r -> r.get("brokerId").toString()));
        return rows;
    }

    /** "counter=3 stateVersion=0 timestamp=1700000000000", or "-" when the broker sent none. */
    private static String describe(DataVersion v) {
        return v == null ? "-" : "counter=" + v.counter() + " stateVersion=" + v.stateVersion() + " timestamp=" + v.timestamp();
    }
}
