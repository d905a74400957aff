package io.namesrv.cli;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code getSyncStateSet -a (-b|-c) [-i]}: each group's master, epochs and in-sync replicas (1006). */
final class GetSyncStateSetCommand implements SubCommand {

    @Override
    public String name() {
        return "getSyncStateSet";
    }

    @Override
    public String description() {
        return "Fetch syncStateSet for target brokers.";
    }

    @Override
    public String details() {
        return "Sends CONTROLLER_GET_SYNC_STATE_DATA (1006) to the controller leader (found through -a). With -c, the"
            + " cluster's broker names come from the name server; -i repeats every so many seconds until interrupted.";
    }

    @Override
    public boolean needsNameServer(CommandLine line) {
        return line.hasOption("c") && !line.hasOption("b");
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(ControllerLeader.option("the address of controller"));
        options.addOption("c", "clusterName", true, "which cluster");
        options.addOption("b", "brokerName", true, "which broker to fetch");
        options.addOption("i", "interval", true, "the interval(second) of get info");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String controller = ctx.required("a", "controller address");
        long interval = Interval.seconds(ctx);
        while (true) {
            List<String> names = brokerNames(ctx);
            RemotingCommand response = ControllerLeader.callLeader(ctx, controller, "CONTROLLER_GET_SYNC_STATE_DATA",
                () -> RemotingCommand.request(ControllerCodes.GET_SYNC_STATE_DATA, null)
                    .setBody(JSON.toJSONBytes(names)));
            JSONObject table = JSON.parseObject(new String(response.getBody(), StandardCharsets.UTF_8))
                .getJSONObject("replicasInfoTable");
            if (ctx.json()) {
                ctx.printJson(Map.of("replicasInfoTable", table == null ? Map.of() : table));
            } else if (table != null) {
                for (Map.Entry<String, Object> e : new java.util.HashMap<>(table).entrySet()) {
                    print(ctx, e.getKey(), (JSONObject) e.getValue());
                }
            }
            if (interval <= 0) {
                return;
            }
            TimeUnit.SECONDS.sleep(interval);
        }
    }

    private static List<String> brokerNames(CommandContext ctx) throws CliException, InterruptedException {
        if (ctx.line().hasOption("b")) {
            return List.of(ctx.required("b", "broker name"));
        }
        if (!ctx.line().hasOption("c")) {
            throw CliException.usage("give a broker name (-b) or a cluster (-c)");
        }
        String cluster = ctx.required("c", "cluster name");
        ClusterInfo info = ClusterInfos.fetch(ctx);
        Set<String> names = info.clusterAddrTable() == null ? null : info.clusterAddrTable().get(cluster);
        if (names == null || names.isEmpty()) {
            throw new CliException("Make sure the specified clusterName exists or the name server connected to is correct.");
        }
        return new ArrayList<>(names);
    }

    private static void print(CommandContext ctx, String brokerName, JSONObject info) {
        JSONArray inSync = info.getJSONArray("inSyncReplicas");
        JSONArray notInSync = info.getJSONArray("notInSyncReplicas");
        ctx.out().printf("%n#brokerName\t%s%n#MasterBrokerId\t%s%n#MasterAddr\t%s%n#MasterEpoch\t%d%n"
                + "#SyncStateSetEpoch\t%d%n#SyncStateSetNums\t%d%n", brokerName, info.getLong("masterBrokerId"),
            info.getString("masterAddress"), info.getIntValue("masterEpoch"), info.getIntValue("syncStateSetEpoch"),
            inSync == null ? 0 : inSync.size());
        printReplicas(ctx, "InSyncReplica", inSync);
        printReplicas(ctx, "NotInSyncReplica", notInSync);
    }

    private static void printReplicas(CommandContext ctx, String label, JSONArray replicas) {
        if (replicas == null) {
            return;
        }
        for (int i = 0; i < replicas.size(); i++) {
            JSONObject r = replicas.getJSONObject(i);
            ctx.out().printf("%n%s:\tReplicaIdentity{brokerName='%s', brokerId=%d, brokerAddress='%s', alive=%s}%n", label,
                r.getString("brokerName"), r.getLong("brokerId"), r.getString("brokerAddress"), r.getBoolean("alive"));
        }
    }
}
