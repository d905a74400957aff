package io.namesrv.cli;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends one request to each name server, as Apache does for config, KV and permission changes
 * (name servers do not replicate), and keeps what happened at each.
 */
final class EveryNameServer {

    private EveryNameServer() {
    }

    /** What one name server did with the request: its answer, or why there was none / it refused. */
    record Outcome(String nameServer, RemotingCommand response, String error) {
        boolean ok() {
            return error == null;
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nameServer", nameServer);
            m.put("ok", ok());
            m.put("error", error);
            return m;
        }
    }

    static List<Outcome> call(CommandContext ctx, List<String> nameServers, Supplier<RemotingCommand> request)
        throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (String addr : nameServers) {
            try {
                RemotingCommand response = ctx.client().call(addr, request);
                outcomes.add(new Outcome(addr, response,
                    response.getCode() == ResponseCode.SUCCESS ? null : "refused: " + AdminClient.describe(response)));
            } catch (CliException e) {
                outcomes.add(new Outcome(addr, null, e.getMessage()));
            }
        }
        return outcomes;
    }

    /** One line per server, for when there is more than one server or something failed. */
    static void printEach(PrintStream out, List<Outcome> outcomes) {
        if (outcomes.size() > 1 || outcomes.stream().anyMatch(o -> !o.ok())) {
            for (Outcome o : outcomes) {
                out.printf("  %s: %s%n", o.nameServer(), o.ok() ? "OK" : "FAILED, " + o.error());
            }
        }
    }

    /**
     * Fails the command when any server failed, naming the servers only: every caller has already
     * shown each failure with its reason (a text line per server, or the JSON document), so the
     * reason is not printed a second time.
     */
    static void failIfAny(List<Outcome> outcomes) throws CliException {
        List<String> failed = outcomes.stream().filter(o -> !o.ok()).map(Outcome::nameServer).toList();
        if (!failed.isEmpty()) {
            throw new CliException("failed on " + failed.size() + " of " + outcomes.size() + " name server(s): "
                + String.join(", ", failed));
        }
    }

    static List<Map<String, Object>> toJson(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::toJson).toList();
    }
}
