package io.namesrv.cli;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/** {@code updateNamesrvConfig -k -v}: UPDATE_NAMESRV_CONFIG (318) to every name server. */
final class UpdateNamesrvConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "updateNamesrvConfig";
    }

    @Override
    public String description() {
        return "Update configs of name server.";
    }

    @Override
    public String details() {
        return "Sends UPDATE_NAMESRV_CONFIG (318) with the body 'key=value' to every name server. Our name server"
            + " accepts only runtime-tunable keys and refuses the others (NO_PERMISSION, 16); the refusal is shown per"
            + " server and the command exits with 1.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("k", "key", "config key"));
        options.addOption(UpdateKvConfigCommand.required("v", "value", "config value"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String key = ctx.required("k", "key");
        String value = ctx.line().getOptionValue("v").trim();
        byte[] body = (key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> servers = ctx.client().nameServers();
        List<EveryNameServer.Outcome> outcomes = EveryNameServer.call(ctx, servers,
            () -> RemotingCommand.request(RequestCode.UPDATE_NAMESRV_CONFIG, null).setBody(body));
        boolean allOk = outcomes.stream().allMatch(EveryNameServer.Outcome::ok);
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("key", key);
            doc.put("value", value);
            doc.put("ok", allOk);
            doc.put("nameServers", EveryNameServer.toJson(outcomes));
            ctx.printJson(doc);
        } else if (allOk) {
            ctx.out().printf("update name server config success!%s%n%s : %s%n", servers, key, value);
        } else {
            EveryNameServer.printEach(ctx.out(), outcomes);
        }
        EveryNameServer.failIfAny(outcomes);
    }
}
