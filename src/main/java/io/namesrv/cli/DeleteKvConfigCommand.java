package io.namesrv.cli;

import org.apache.commons.cli.Options;

/** {@code deleteKvConfig -s -k}: DELETE_KV_CONFIG (102) to every name server. */
final class DeleteKvConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "deleteKvConfig";
    }

    @Override
    public String description() {
        return "Delete KV config.";
    }

    @Override
    public String details() {
        return "Sends DELETE_KV_CONFIG (102) to every name server. Deleting a key that does not exist succeeds, as in Apache.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("s", "namespace", "set the namespace"));
        options.addOption(UpdateKvConfigCommand.required("k", "key", "set the key name"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        KvWrite.delete(ctx, ctx.required("s", "namespace"), ctx.required("k", "key"),
            "delete kv config from namespace success.");
    }
}
