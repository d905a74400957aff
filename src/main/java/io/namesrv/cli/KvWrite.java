package io.namesrv.cli;

import io.namesrv.protocol.header.DeleteKVConfigRequestHeader;
import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A KV put or delete sent to every name server, printed Apache's way plus one line per server. */
final class KvWrite {

    private KvWrite() {
    }

    static void put(CommandContext ctx, String namespace, String key, String value, String successLine)
        throws CliException, InterruptedException {
        run(ctx, namespace, key, value, successLine, () -> RemotingCommand.request(RequestCode.PUT_KV_CONFIG,
            new PutKVConfigRequestHeader(namespace, key, value)));
    }

    static void delete(CommandContext ctx, String namespace, String key, String successLine)
        throws CliException, InterruptedException {
        run(ctx, namespace, key, null, successLine, () -> RemotingCommand.request(RequestCode.DELETE_KV_CONFIG,
            new DeleteKVConfigRequestHeader(namespace, key)));
    }

    private static void run(CommandContext ctx, String namespace, String key, String value,
                            String successLine, java.util.function.Supplier<RemotingCommand> request)
        throws CliException, InterruptedException {
        List<EveryNameServer.Outcome> outcomes = EveryNameServer.call(ctx, ctx.client().nameServers(), request);
        boolean allOk = outcomes.stream().allMatch(EveryNameServer.Outcome::ok);
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("namespace", namespace);
            doc.put("key", key);
            if (value != null) {
                doc.put("value", value);
            }
            doc.put("ok", allOk);
            doc.put("nameServers", EveryNameServer.toJson(outcomes));
            ctx.printJson(doc);
        } else {
            if (allOk) {
                ctx.out().println(successLine);
            }
            EveryNameServer.printEach(ctx.out(), outcomes);
        }
        EveryNameServer.failIfAny(outcomes);
    }
}
