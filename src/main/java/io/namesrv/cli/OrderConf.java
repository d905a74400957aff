package io.namesrv.cli;

import io.namesrv.protocol.header.GetKVConfigRequestHeader;
import io.namesrv.protocol.header.GetKVConfigResponseHeader;
import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic's order configuration ({@code brokerName:queueNums;...}) in the name servers' KV store
 * (namespace ORDER_TOPIC_CONFIG), as {@code updateTopic -o true} keeps it.
 */
final class OrderConf {

    private OrderConf() {
    }

    /**
     * The topic's configuration with one broker's entry added or replaced, merged as Apache's
     * admin merges it (entries keyed by broker name in a hash map, joined with ';').
     */
    static String mergedWith(CommandContext ctx, String topic, String brokerEntry) throws CliException, InterruptedException {
        AdminClient.Answer answer = ctx.client().callAnyNameServer(() -> RemotingCommand.request(RequestCode.GET_KV_CONFIG,
            new GetKVConfigRequestHeader(UpdateOrderConfCommand.NAMESPACE, topic)));
        String old = answer.response().getCode() == ResponseCode.SUCCESS
            ? answer.response().decodeHeader(GetKVConfigResponseHeader::decode).value() : null;
        Map<String, String> byBroker = new HashMap<>();
        if (old != null && !old.isBlank()) {
            for (String entry : old.split(";")) {
                byBroker.put(entry.split(":")[0], entry);
            }
        }
        byBroker.put(brokerEntry.split(":")[0], brokerEntry);
        return String.join(";", byBroker.values());
    }

    /** Writes the configuration to every name server and says how each one took it. */
    static List<EveryNameServer.Outcome> put(CommandContext ctx, String topic, String conf) throws InterruptedException {
        return EveryNameServer.call(ctx, ctx.client().nameServers(), () -> RemotingCommand.request(RequestCode.PUT_KV_CONFIG,
            new PutKVConfigRequestHeader(UpdateOrderConfCommand.NAMESPACE, topic, conf)));
    }
}
