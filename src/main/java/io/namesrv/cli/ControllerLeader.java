package io.namesrv.cli;

import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.protocol.controller.GetMetaDataResponseHeader;
import io.namesrv.remoting.protocol.RemotingCommand;

/**
 * The controller commands' way to the Raft leader, as Apache's admin goes: ask the given
 * controller (CONTROLLER_GET_METADATA_INFO, 1005) who leads, then send the request there.
 */
final class ControllerLeader {

    private ControllerLeader() {
    }

    static GetMetaDataResponseHeader metadata(CommandContext ctx, String controller)
        throws CliException, InterruptedException {
        RemotingCommand response = ctx.client().callOk(controller, "CONTROLLER_GET_METADATA_INFO",
            () -> RemotingCommand.request(ControllerCodes.GET_METADATA_INFO, null));
        return response.decodeHeader(GetMetaDataResponseHeader::decode);
    }

    /** The leader's controller address, as {@code controller} knows it; an error when none is known. */
    static String address(CommandContext ctx, String controller) throws CliException, InterruptedException {
        String leader = metadata(ctx, controller).controllerLeaderAddress();
        if (leader == null || leader.isBlank()) {
            throw new CliException("controller " + controller + " knows no leader (no quorum, or an election is going on)");
        }
        return leader;
    }

    /** Sends to the leader; a non-SUCCESS answer is an error quoting the controller's remark. */
    static RemotingCommand callLeader(CommandContext ctx, String controller, String what,
                                      java.util.function.Supplier<RemotingCommand> request)
        throws CliException, InterruptedException {
        return ctx.client().callOk(address(ctx, controller), what, request);
    }

    /** The -a option of the commands that take one controller. */
    static org.apache.commons.cli.Option option(String description) {
        return UpdateKvConfigCommand.required("a", "controllerAddress", description);
    }
}
