package io.namesrv.cli;

import io.namesrv.protocol.controller.GetMetaDataResponseHeader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/** {@code getControllerMetaData -a}: who leads the controllers' Raft group (1005). */
final class GetControllerMetaDataCommand implements SubCommand {

    @Override
    public String name() {
        return "getControllerMetaData";
    }

    @Override
    public String description() {
        return "Get controller cluster's metadata.";
    }

    @Override
    public String details() {
        return "Asks the controller at -a (CONTROLLER_GET_METADATA_INFO, 1005, answered by any controller) for its group,"
            + " the leader and the peers. Our controllers name peers as raftAddress:controllerAddress.";
    }

    @Override
    public boolean needsNameServer(org.apache.commons.cli.CommandLine line) {
        return false;
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(ControllerLeader.option("the address of controller"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        GetMetaDataResponseHeader meta = ControllerLeader.metadata(ctx, ctx.required("a", "controller address"));
        List<String> peers = meta.peers() == null || meta.peers().isEmpty() ? List.of() : List.of(meta.peers().split(";"));
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("group", meta.group());
            doc.put("leaderId", meta.controllerLeaderId());
            doc.put("leaderAddress", meta.controllerLeaderAddress());
            doc.put("isLeader", meta.isLeader());
            doc.put("peers", peers);
            ctx.printJson(doc);
            return;
        }
        ctx.out().printf("%n#ControllerGroup\t%s%n#ControllerLeaderId\t%s%n#ControllerLeaderAddress\t%s%n", meta.group(),
            meta.controllerLeaderId(), meta.controllerLeaderAddress());
        for (String peer : peers) {
            ctx.out().printf("#Peer:\t%s%n", peer);
        }
    }
}
