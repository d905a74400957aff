package io.namesrv.cli;

import io.namesrv.protocol.controller.CleanControllerBrokerDataRequestHeader;
import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code cleanBrokerMetadata -a -bn [-b] [-c] [-l]}: forget replicas of a group on the controller (1011). */
final class CleanBrokerMetadataCommand implements SubCommand {

    @Override
    public String name() {
        return "cleanBrokerMetadata";
    }

    @Override
    public String description() {
        return "Clean metadata of broker on controller.";
    }

    @Override
    public String details() {
        return "Sends CLEAN_BROKER_DATA (1011) to the controller leader (found through -a). Without -b the whole group"
            + " goes; live brokers are refused (2009) unless -l. Without -l, -c is required, as in Apache's mqadmin.";
    }

    @Override
    public boolean needsNameServer(CommandLine line) {
        return false;
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(ControllerLeader.option("The address of controller"));
        options.addOption("b", "brokerControllerIdsToClean", true, "The brokerController id list which requires to clean"
            + " metadata. eg: 1;2;3, means that clean broker-1, broker-2 and broker-3");
        options.addOption(UpdateKvConfigCommand.required("bn", "brokerName",
            "The broker name of the replicas that require to be manipulated"));
        options.addOption("c", "clusterName", true, "The clusterName of broker");
        options.addOption("l", "cleanLivingBroker", false, "Whether clean up living brokers,default value is false");
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String controller = ctx.required("a", "controller address");
        String brokerName = ctx.required("bn", "broker name");
        String ids = ctx.line().hasOption("b") ? ctx.line().getOptionValue("b").trim() : null;
        String cluster = ctx.line().hasOption("c") ? ctx.line().getOptionValue("c").trim() : null;
        boolean cleanLiving = ctx.line().hasOption("l");
        if (!cleanLiving && (cluster == null || cluster.isEmpty())) {
            throw CliException.usage("cleanLivingBroker option is false, clusterName option can not be empty.");
        }
        ControllerLeader.callLeader(ctx, controller, "CLEAN_BROKER_DATA",
            () -> RemotingCommand.request(ControllerCodes.CLEAN_BROKER_DATA, new CleanControllerBrokerDataRequestHeader(
                cluster, brokerName, ids, cleanLiving, System.currentTimeMillis())));
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("brokerName", brokerName);
            doc.put("brokerControllerIdsToClean", ids);
            doc.put("ok", true);
            ctx.printJson(doc);
            return;
        }
        ctx.out().printf("clear broker %s metadata from controller success! %n", brokerName);
    }
}
