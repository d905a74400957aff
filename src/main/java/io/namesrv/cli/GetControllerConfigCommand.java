package io.namesrv.cli;

import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code getControllerConfig -a}: GET_CONTROLLER_CONFIG (1010) from each controller named. */
final class GetControllerConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "getControllerConfig";
    }

    @Override
    public String description() {
        return "Get controller config.";
    }

    @Override
    public String details() {
        return "Asks each controller of the -a list (GET_CONTROLLER_CONFIG, 1010, answered by any controller). Keys are"
            + " listed in the order Apache's mqadmin lists them (its Properties order); --json sorts them.";
    }

    @Override
    public boolean needsNameServer(CommandLine line) {
        return false;
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(ControllerLeader.option("Controller address list, eg: 192.168.0.1:9878;192.168.0.2:9878"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String controller : controllers(ctx)) {
            RemotingCommand response = ctx.client().callOk(controller, "GET_CONTROLLER_CONFIG",
                () -> RemotingCommand.request(ControllerCodes.GET_CONTROLLER_CONFIG, null));
            Properties config = PropertiesBody.parse(response.getBody());
            if (ctx.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("controller", controller);
                Map<String, String> sorted = new TreeMap<>();
                config.forEach((k, v) -> sorted.put(k.toString(), v.toString()));
                doc.put("config", sorted);
                docs.add(doc);
                continue;
            }
            ctx.out().printf("============%s============%n", controller);
            for (Map.Entry<Object, Object> e : config.entrySet()) {
                ctx.out().printf("%-50s=  %s%n", e.getKey(), e.getValue());
            }
        }
        if (ctx.json()) {
            ctx.printJson(Map.of("controllers", docs));
        }
    }

    /** The {@code -a} list, split on ';' as Apache's command splits it. */
    static List<String> controllers(CommandContext ctx) throws CliException {
        List<String> list = new ArrayList<>();
        for (String a : ctx.required("a", "controller address").split(";")) {
            if (!a.isBlank()) {
                list.add(a.trim());
            }
        }
        return list;
    }
}
