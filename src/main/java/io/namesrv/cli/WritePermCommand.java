package io.namesrv.cli;

import io.namesrv.protocol.header.AddWritePermOfBrokerRequestHeader;
import io.namesrv.protocol.header.AddWritePermOfBrokerResponseHeader;
import io.namesrv.protocol.header.WipeWritePermOfBrokerRequestHeader;
import io.namesrv.protocol.header.WipeWritePermOfBrokerResponseHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.cli.Options;

/**
 * {@code wipeWritePerm -b} (205) and {@code addWritePerm -b} (327): sent to every name server,
 * one line per server with the number of topics changed, as Apache prints it.
 */
final class WritePermCommand implements SubCommand {

    private final String name;
    private final String verb;
    private final int code;
    private final Function<String, RemotingCommand> request;
    private final Function<RemotingCommand, Integer> count;

    private WritePermCommand(String name, String verb, int code, Function<String, RemotingCommand> request,
                             Function<RemotingCommand, Integer> count) {
        this.name = name;
        this.verb = verb;
        this.code = code;
        this.request = request;
        this.count = count;
    }

    static WritePermCommand wipe() {
        return new WritePermCommand("wipeWritePerm", "wipe", RequestCode.WIPE_WRITE_PERM_OF_BROKER,
            b -> RemotingCommand.request(RequestCode.WIPE_WRITE_PERM_OF_BROKER, new WipeWritePermOfBrokerRequestHeader(b)),
            r -> r.decodeHeader(WipeWritePermOfBrokerResponseHeader::decode).wipeTopicCount());
    }

    static WritePermCommand add() {
        return new WritePermCommand("addWritePerm", "add", RequestCode.ADD_WRITE_PERM_OF_BROKER,
            b -> RemotingCommand.request(RequestCode.ADD_WRITE_PERM_OF_BROKER, new AddWritePermOfBrokerRequestHeader(b)),
            r -> r.decodeHeader(AddWritePermOfBrokerResponseHeader::decode).addTopicCount());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return verb.equals("wipe") ? "Wipe write perm of broker in all name server you defined in the -n param"
            : "Add write perm of broker in all name server you defined in the -n param";
    }

    @Override
    public String details() {
        return "Sends " + (verb.equals("wipe") ? "WIPE_WRITE_PERM_OF_BROKER" : "ADD_WRITE_PERM_OF_BROKER") + " (" + code
            + ") to every name server and prints, per server, how many topics changed.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("b", "brokerName", "broker name"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String broker = ctx.required("b", "broker name");
        List<EveryNameServer.Outcome> outcomes = EveryNameServer.call(ctx, ctx.client().nameServers(),
            () -> request.apply(broker));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (EveryNameServer.Outcome o : outcomes) {
            Integer changed = o.ok() ? count.apply(o.response()) : null;
            if (ctx.json()) {
                Map<String, Object> doc = new LinkedHashMap<>(o.toJson());
                doc.put("topicCount", changed);
                docs.add(doc);
            } else if (o.ok()) {
                ctx.out().printf("%s write perm of broker[%s] in name server[%s] OK, %d%n", verb, broker, o.nameServer(),
                    changed == null ? 0 : changed);
            } else {
                ctx.out().printf("%s write perm of broker[%s] in name server[%s] Failed, %s%n", verb, broker,
                    o.nameServer(), o.error());
            }
        }
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("brokerName", broker);
            doc.put("nameServers", docs);
            ctx.printJson(doc);
        }
        EveryNameServer.failIfAny(outcomes);
    }
}
