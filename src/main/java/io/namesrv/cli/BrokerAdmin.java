package io.namesrv.cli;

import io.namesrv.protocol.KVTable;
import io.namesrv.protocol.header.CreateTopicRequestHeader;
import io.namesrv.protocol.header.GetTopicStatsInfoRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The broker requests mqadmin sends, as Apache's admin client sends them: topic creation (17),
 * topic stats (202), runtime stats (28), config read (26) and change (25). A refusal is an error
 * quoting the broker's remark.
 */
final class BrokerAdmin {

    /** The topic a broker copies settings from when creating one, as Apache's admin sends it. */
    static final String CREATE_TOPIC_KEY = "TBW102";

    private BrokerAdmin() {
    }

    static void createTopic(CommandContext ctx, String addr, TopicSettings topic) throws CliException, InterruptedException {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(topic.topicName(), CREATE_TOPIC_KEY,
            topic.readQueueNums(), topic.writeQueueNums(), topic.perm(), topic.filterType(), topic.topicSysFlag(),
            topic.order(), topic.attributesText(), Boolean.FALSE);
        ctx.client().callOk(addr, "UPDATE_AND_CREATE_TOPIC of " + topic.topicName(),
            () -> RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC, header));
    }

    static TopicStats topicStats(CommandContext ctx, String addr, String topic) throws CliException, InterruptedException {
        RemotingCommand response = ctx.client().callOk(addr, "GET_TOPIC_STATS_INFO of " + topic,
            () -> RemotingCommand.request(RequestCode.GET_TOPIC_STATS_INFO, new GetTopicStatsInfoRequestHeader(topic)));
        TopicStats stats = ctx.bodies().decode(response.getBody(), TopicStats.class);
        return stats == null || stats.offsetTable() == null ? new TopicStats(Map.of(), 0) : stats;
    }

    static Map<String, String> runtimeStats(CommandContext ctx, String addr) throws CliException, InterruptedException {
        RemotingCommand response = ctx.client().callOk(addr, "GET_BROKER_RUNTIME_INFO",
            () -> RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO, null));
        KVTable table = ctx.bodies().decode(response.getBody(), KVTable.class);
        return table == null || table.table() == null ? Map.of() : table.table();
    }

    /** The broker's configuration, iterating in the order Apache's mqadmin prints it (java.util.Properties). */
    static Properties config(CommandContext ctx, String addr) throws CliException, InterruptedException {
        RemotingCommand response = ctx.client().callOk(addr, "GET_BROKER_CONFIG",
            () -> RemotingCommand.request(RequestCode.GET_BROKER_CONFIG, null));
        return PropertiesBody.parse(response.getBody());
    }

    /** Sends {@code key=value} (Apache's properties2String form, no escaping) to the broker. */
    static void updateConfig(CommandContext ctx, String addr, String key, String value)
        throws CliException, InterruptedException {
        byte[] body = (key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
        ctx.client().callOk(addr, "UPDATE_BROKER_CONFIG",
            () -> RemotingCommand.request(RequestCode.UPDATE_BROKER_CONFIG, null).setBody(body));
    }
}
