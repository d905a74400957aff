package io.namesrv.cli;

import com.alibaba.fastjson2.JSON;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.Options;

/**
 * {@code allocateMQ -t -i ip1,ip2}: which queues of a topic each of those consumers would get
 * from the default strategy (averagely, Apache's AllocateMessageQueueAveragely), over the
 * readable queues of the route (105). Printed as Apache's JSON; only the name server is asked.
 */
final class AllocateMqCommand implements SubCommand {

    private static final int PERM_READ = 4;

    @Override
    public String name() {
        return "allocateMQ";
    }

    @Override
    public String description() {
        return "Allocate MQ.";
    }

    @Override
    public String details() {
        return "Reads the topic's route (105) and splits its readable queues over the consumers named by -i (comma"
            + " separated, in that order) the way a consumer group does by default (averagely), without any consumer"
            + " running. Prints {\"result\":{consumer:[queues]}} in Apache's JSON. For a static topic the physical queues"
            + " are allocated.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(UpdateKvConfigCommand.required("t", "topic", "topic name"));
        options.addOption(UpdateKvConfigCommand.required("i", "ipList", "ipList"));
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String topic = ctx.required("t", "topic");
        List<String> consumers = Arrays.asList(ctx.required("i", "ipList").split(","));
        TopicRouteData route = TopicRoutes.fetch(ctx, topic);
        // A hash set, as Apache's client builds it: the allocation follows its iteration order.
        Set<MessageQueue> readable = new HashSet<>();
        for (QueueData q : route.queueDatas()) {
            if ((q.perm() & PERM_READ) != 0) {
                for (int i = 0; i < q.readQueueNums(); i++) {
                    readable.add(new MessageQueue(q.brokerName(), i, topic));
                }
            }
        }
        if (readable.isEmpty()) {
            throw new CliException("topic '" + topic + "' has no readable queue to allocate");
        }
        Map<String, List<MessageQueue>> result = new HashMap<>();
        List<MessageQueue> all = new ArrayList<>(readable);
        for (String consumer : consumers) {
            if (consumer.isEmpty()) {
                throw CliException.usage("-i has an empty entry: '" + ctx.trimmed("i") + "'");
            }
            result.put(consumer, averagely(consumer, all, consumers));
        }
        if (ctx.json()) {
            ctx.printJson(Map.of("result", result));
        } else {
            ctx.out().printf("%s%n", JSON.toJSONString(Map.of("result", result)));
        }
    }

    /** The contiguous share of {@code all} that consumer {@code current} gets among {@code consumers}. */
    static List<MessageQueue> averagely(String current, List<MessageQueue> all, List<String> consumers) {
        int index = consumers.indexOf(current);
        int mod = all.size() % consumers.size();
        int averageSize = all.size() <= consumers.size() ? 1
            : (mod > 0 && index < mod ? all.size() / consumers.size() + 1 : all.size() / consumers.size());
        int startIndex = mod > 0 && index < mod ? index * averageSize : index * averageSize + mod;
        int range = Math.min(averageSize, all.size() - startIndex);
        List<MessageQueue> share = new ArrayList<>();
        for (int i = 0; i < range; i++) {
            share.add(all.get(startIndex + i));
        }
        return share;
    }
}
