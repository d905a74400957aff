package io.namesrv.cli;

import io.namesrv.protocol.header.GetKVConfigRequestHeader;
import io.namesrv.protocol.header.GetKVConfigResponseHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * {@code updateOrderConf -t -v -m put|get|delete}: the topic's order configuration, kept as KV
 * namespace ORDER_TOPIC_CONFIG (100/101/102). Writes go to every name server.
 */
final class UpdateOrderConfCommand implements SubCommand {

    static final String NAMESPACE = "ORDER_TOPIC_CONFIG";

    @Override
    public String name() {
        return "updateOrderConf";
    }

    @Override
    public String description() {
        return "Create or update or delete order conf.";
    }

    @Override
    public String details() {
        return "put and delete go to every name server (PUT/DELETE_KV_CONFIG in namespace " + NAMESPACE + "), get asks"
            + " the first that answers. Unlike Apache's, each message ends with a newline.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("t", "topic", "topic name"));
        options.addOption("v", "orderConf", true, "set order conf [eg. brokerName1:num;brokerName2:num]");
        options.addOption(UpdateKvConfigCommand.required("m", "method", "option type [eg. put|get|delete"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String topic = ctx.required("t", "topic");
        String method = ctx.required("m", "method");
        switch (method) {
            case "put" -> {
                String conf = ctx.required("v", "order conf, eg. brokerName1:num;brokerName2:num");
                KvWrite.put(ctx, NAMESPACE, topic, conf,
                    String.format("update orderConf success. topic=[%s], orderConf=[%s]", topic, conf));
            }
            case "delete" -> KvWrite.delete(ctx, NAMESPACE, topic,
                String.format("delete orderConf success. topic=[%s]", topic));
            case "get" -> get(ctx, topic);
            default -> throw CliException.usage("-m must be put, get or delete, not '" + method + "'");
        }
    }

    private void get(CommandContext ctx, String topic) throws CliException, InterruptedException {
        AdminClient.Answer answer = ctx.client().callAnyNameServer(() -> RemotingCommand.request(RequestCode.GET_KV_CONFIG,
            new GetKVConfigRequestHeader(NAMESPACE, topic)));
        if (answer.response().getCode() == ResponseCode.QUERY_NOT_FOUND) {
            throw new CliException("no order conf for topic '" + topic + "' on " + answer.addr());
        }
        if (answer.response().getCode() != ResponseCode.SUCCESS) {
            throw AdminClient.refused(answer.addr(), "GET_KV_CONFIG", answer.response());
        }
        String conf = answer.response().decodeHeader(GetKVConfigResponseHeader::decode).value();
        if (ctx.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("nameServer", answer.addr());
            doc.put("topic", topic);
            doc.put("orderConf", conf);
            ctx.printJson(doc);
        } else {
            ctx.out().printf("get orderConf success. topic=[%s], orderConf=[%s]%n", topic, conf);
        }
    }
}
