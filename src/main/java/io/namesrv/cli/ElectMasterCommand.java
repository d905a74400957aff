package io.namesrv.cli;

import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.protocol.controller.ElectMasterRequestHeader;
import io.namesrv.protocol.controller.ElectMasterResponseHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code electMaster -a -b -bn -c}: make the given broker its group's master (1002, designated). */
final class ElectMasterCommand implements SubCommand {

    @Override
    public String name() {
        return "electMaster";
    }

    @Override
    public String description() {
        return "Re-elect the specified broker as master.";
    }

    @Override
    public String details() {
        return "Sends CONTROLLER_ELECT_MASTER (1002) with designateElect=true to the controller leader (found through"
            + " -a). The broker must be alive and in the in-sync set (or unclean election enabled), else the controller"
            + " answers ELECT_MASTER_FAILED (2012).";
    }

    @Override
    public boolean needsNameServer(CommandLine line) {
        return false;
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(ControllerLeader.option("The address of controller"));
        options.addOption(UpdateKvConfigCommand.required("b", "brokerId", "The id of the broker which requires to become master"));
        options.addOption(UpdateKvConfigCommand.required("bn", "brokerName",
            "The broker name of the replicas that require to be manipulated"));
        options.addOption(UpdateKvConfigCommand.required("c", "clusterName", "the clusterName of broker"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String controller = ctx.required("a", "controller address");
        String cluster = ctx.required("c", "cluster name");
        String brokerName = ctx.required("bn", "broker name");
        long brokerId;
        try {
            brokerId = Long.parseLong(ctx.required("b", "broker id"));
        } catch (NumberFormatException e) {
            throw CliException.usage("-b must be a broker id (a number)");
        }
        RemotingCommand response = ControllerLeader.callLeader(ctx, controller, "CONTROLLER_ELECT_MASTER",
            () -> RemotingCommand.request(ControllerCodes.ELECT_MASTER,
                new ElectMasterRequestHeader(cluster, brokerName, brokerId, true, System.currentTimeMillis())));
        ElectMasterResponseHeader h = response.decodeHeader(ElectMasterResponseHeader::decode);
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("clusterName", cluster);
            doc.put("brokerName", brokerName);
            doc.put("masterBrokerId", h.masterBrokerId());
            doc.put("masterAddress", h.masterAddress());
            doc.put("masterEpoch", h.masterEpoch());
            doc.put("syncStateSetEpoch", h.syncStateSetEpoch());
            ctx.printJson(doc);
            return;
        }
        ctx.out().printf("%n#ClusterName\t%s%n#BrokerName\t%s%n#BrokerMasterAddr\t%s%n#MasterEpoch\t%s%n"
            + "#SyncStateSetEpoch\t%s%n", cluster, brokerName, h.masterAddress(), h.masterEpoch(), h.syncStateSetEpoch());
    }
}
