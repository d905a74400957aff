package io.namesrv.cli;

import io.namesrv.protocol.KVTable;
import io.namesrv.protocol.header.GetKVListByNamespaceRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.Options;

/** {@code getKvList -s} (ours): GET_KVLIST_BY_NAMESPACE (219) from one name server, as an aligned table. */
final class GetKvListCommand implements SubCommand {

    @Override
    public String name() {
        return "getKvList";
    }

    @Override
    public String description() {
        return "List every KV config of a namespace (not in Apache's mqadmin).";
    }

    @Override
    public String details() {
        return "Asks the first name server that answers (GET_KVLIST_BY_NAMESPACE, 219). Keys are sorted."
            + " An unknown or empty namespace exits with 1.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("s", "namespace", "the namespace"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String namespace = ctx.required("s", "namespace");
        AdminClient.Answer answer = ctx.client().callAnyNameServer(() -> RemotingCommand.request(
            RequestCode.GET_KVLIST_BY_NAMESPACE, new GetKVListByNamespaceRequestHeader(namespace)));
        RemotingCommand response = answer.response();
        if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
            throw new CliException("no namespace '" + namespace + "' on " + answer.addr());
        }
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw AdminClient.refused(answer.addr(), "GET_KVLIST_BY_NAMESPACE", response);
        }
        KVTable table = ctx.bodies().decode(response.getBody(), KVTable.class);
        Map<String, String> sorted = new TreeMap<>(table == null ? Map.of() : table.table());
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("nameServer", answer.addr());
            doc.put("namespace", namespace);
            doc.put("table", sorted);
            ctx.printJson(doc);
            return;
        }
        int width = Math.max("#Key".length(), sorted.keySet().stream().mapToInt(String::length).max().orElse(0));
        String format = "%-" + width + "s  %s%n";
        ctx.out().printf(format, "#Key", "#Value");
        sorted.forEach((k, v) -> ctx.out().printf(format, k, v));
    }
}
