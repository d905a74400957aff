package io.namesrv.cli;

import io.namesrv.protocol.KVTable;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A broker's runtime stats (GET_BROKER_RUNTIME_INFO, 28, asked of the broker itself, as Apache's
 * clusterList does) and the figures clusterList derives from them.
 */
record BrokerStats(Map<String, String> table) {

    /** The figures clusterList prints as text; an unreachable broker's are empty. */
    private static final List<String> TEXT_FIGURES = List.of("brokerVersionDesc", "sendThreadPoolQueueSize",
        "sendThreadPoolQueueHeadWaitTimeMills", "pullThreadPoolQueueSize", "pullThreadPoolQueueHeadWaitTimeMills",
        "ackThreadPoolQueueSize", "ackThreadPoolQueueHeadWaitTimeMills", "pageCacheLockTimeMills");

    static BrokerStats fetch(CommandContext ctx, String brokerAddr) throws CliException, InterruptedException {
        return new BrokerStats(BrokerAdmin.runtimeStats(ctx, brokerAddr));
    }

    /**
     * What clusterList prints for a broker it cannot reach, as Apache's does: empty text figures,
     * zero numbers and "false" for activation, so every row keeps its columns for scripts.
     */
    static BrokerStats unreachable() {
        Map<String, String> blanks = new HashMap<>();
        for (String key : TEXT_FIGURES) {
            blanks.put(key, "");
        }
        blanks.put("brokerActive", "false");
        return new BrokerStats(Map.copyOf(blanks));
    }

    String get(String key) {
        return table.get(key);
    }

    String getOrDefault(String key, String fallback) {
        return table.getOrDefault(key, fallback);
    }

    /** The first of the space-separated TPS figures (the broker sends the last 10 s, 1 min, 10 min). */
    double firstTps(String key) {
        String v = table.get(key);
        return v == null || v.isBlank() ? 0 : parseDouble(v.trim().split(" ")[0]);
    }

    long longValue(String key) {
        try {
            return Long.parseLong(table.getOrDefault(key, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    float floatValue(String key) {
        try {
            return Float.parseFloat(table.getOrDefault(key, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    double doubleValue(String key) {
        String v = table.get(key);
        return v == null ? 0 : parseDouble(v.trim());
    }

    /** Hours since the broker's earliest stored message. */
    double hoursOfMessages(long nowMillis) {
        String v = table.get("earliestMessageTimeStamp");
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return (nowMillis - Long.parseLong(v.trim())) / 3600.0 / 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double parseDouble(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
