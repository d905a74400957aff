package io.namesrv.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code updateKvConfig -s -k -v}: PUT_KV_CONFIG (100) to every name server. */
final class UpdateKvConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "updateKvConfig";
    }

    @Override
    public String description() {
        return "Create or update KV config.";
    }

    @Override
    public String details() {
        return "Sends PUT_KV_CONFIG (100) to every name server and prints one line per server when there is more than one"
            + " or one failed.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(required("s", "namespace", "set the namespace"));
        options.addOption(required("k", "key", "set the key name"));
        options.addOption(required("v", "value", "set the key value"));
    }

    static Option required(String opt, String longOpt, String desc) {
        Option o = new Option(opt, longOpt, true, desc);
        o.setRequired(true);
        return o;
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        KvWrite.put(ctx, ctx.required("s", "namespace"), ctx.required("k", "key"),
            ctx.line().getOptionValue("v"), "create or update kv config to namespace success.");
    }
}
