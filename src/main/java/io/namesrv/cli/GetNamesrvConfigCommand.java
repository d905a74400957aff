package io.namesrv.cli;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.Options;

/** {@code getNamesrvConfig}: GET_NAMESRV_CONFIG (319) from every name server. */
final class GetNamesrvConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "getNamesrvConfig";
    }

    @Override
    public String description() {
        return "Get configs of name server.";
    }

    @Override
    public String details() {
        return "Asks every name server (GET_NAMESRV_CONFIG, 319). Keys are listed in the order Apache's mqadmin lists"
            + " them (its Properties order); --json sorts them.";
    }

    @Override
    public void addOptions(Options options) {
        // only the common options
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        List<EveryNameServer.Outcome> outcomes = EveryNameServer.call(ctx, ctx.client().nameServers(),
            () -> RemotingCommand.request(RequestCode.GET_NAMESRV_CONFIG, null));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (EveryNameServer.Outcome o : outcomes) {
            Properties config = o.ok() ? PropertiesBody.parse(o.response().getBody()) : null;
            if (ctx.json()) {
                Map<String, Object> doc = new LinkedHashMap<>(o.toJson());
                doc.put("config", config == null ? null : sorted(config));
                docs.add(doc);
                continue;
            }
            ctx.out().printf("============%s============%n", o.nameServer());
            if (config == null) {
                ctx.out().printf("  FAILED, %s%n", o.error());
                continue;
            }
            for (Map.Entry<Object, Object> e : config.entrySet()) {
                ctx.out().printf("%-50s=  %s%n", e.getKey(), e.getValue());
            }
        }
        if (ctx.json()) {
            ctx.printJson(Map.of("nameServers", docs));
        }
        EveryNameServer.failIfAny(outcomes);
    }

    private static Map<String, String> sorted(Properties p) {
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return m;
    }
}
