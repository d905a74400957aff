package io.namesrv.cli;

import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code updateControllerConfig -a -k -v}: UPDATE_CONTROLLER_CONFIG (1009) to each controller named. */
final class UpdateControllerConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "updateControllerConfig";
    }

    @Override
    public String description() {
        return "Update controller config.";
    }

    @Override
    public String details() {
        return "Sends UPDATE_CONTROLLER_CONFIG (1009) with the body 'key=value' to each controller of the -a list. Our"
            + " controller accepts only enableElectUncleanMaster, notifyBrokerRoleChanged and electMasterMaxRetryCount"
            + " at run time and refuses the others (NO_PERMISSION, 16).";
    }

    @Override
    public boolean needsNameServer(CommandLine line) {
        return false;
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(ControllerLeader.option("Controller address list, eg: 192.168.0.1:9878;192.168.0.2:9878"));
        options.addOption(UpdateKvConfigCommand.required("k", "key", "config key"));
        options.addOption(UpdateKvConfigCommand.required("v", "value", "config value"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        List<String> controllers = GetControllerConfigCommand.controllers(ctx);
        String key = ctx.required("k", "key");
        String value = ctx.line().getOptionValue("v").trim();
        byte[] body = (key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
        for (String controller : controllers) {
            ctx.client().callOk(controller, "UPDATE_CONTROLLER_CONFIG",
                () -> RemotingCommand.request(ControllerCodes.UPDATE_CONTROLLER_CONFIG, null).setBody(body));
        }
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("key", key);
            doc.put("value", value);
            doc.put("controllers", controllers);
            doc.put("ok", true);
            ctx.printJson(doc);
            return;
        }
        ctx.out().printf("update controller config success!%s%n%s : %s%n", controllers, key, value);
    }
}
