package io.namesrv.cli;

import io.namesrv.protocol.header.GetKVConfigRequestHeader;
import io.namesrv.protocol.header.GetKVConfigResponseHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.Options;

/** {@code getKvConfig -s -k} (ours; Apache's mqadmin has none): GET_KV_CONFIG (101) from one name server. */
final class GetKvConfigCommand implements SubCommand {

    @Override
    public String name() {
        return "getKvConfig";
    }

    @Override
    public String description() {
        return "Print one KV config value (not in Apache's mqadmin).";
    }

    @Override
    public String details() {
        return "Asks the first name server that answers (GET_KV_CONFIG, 101) and prints the value alone on a line."
            + " A missing key exits with 1.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("s", "namespace", "the namespace"));
        options.addOption(UpdateKvConfigCommand.required("k", "key", "the key name"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String namespace = ctx.required("s", "namespace");
        String key = ctx.required("k", "key");
        AdminClient.Answer answer = ctx.client().callAnyNameServer(() -> RemotingCommand.request(RequestCode.GET_KV_CONFIG,
            new GetKVConfigRequestHeader(namespace, key)));
        RemotingCommand response = answer.response();
        if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
            throw new CliException("no key '" + key + "' in namespace '" + namespace + "' on " + answer.addr());
        }
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw AdminClient.refused(answer.addr(), "GET_KV_CONFIG", response);
        }
        String value = response.decodeHeader(GetKVConfigResponseHeader::decode).value();
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("nameServer", answer.addr());
            doc.put("namespace", namespace);
            doc.put("key", key);
            doc.put("value", value);
            ctx.printJson(doc);
        } else {
            ctx.out().println(value);
        }
    }
}
