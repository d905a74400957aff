package io.namesrv.namesrv.metrics;

import io.namesrv.common.LoggerNames;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the traffic log (logger {@code RocketmqTraffic}, namesrv_traffic.log): on each call,
 * the requests per request code and responses per response code since the previous call. The
 * controller calls it once a minute. Only one thread may call {@link #logInterval()}.
 */
public final class TrafficLogger {

    private static final Logger TRAFFIC = LoggerFactory.getLogger(LoggerNames.TRAFFIC);

    private final RequestMetrics metrics;
    private final int port;
    private SortedMap<String, Long> lastRequests = new TreeMap<>();
    private SortedMap<String, Long> lastResponses = new TreeMap<>();
    private long lastMillis;

    public TrafficLogger(RequestMetrics metrics, int port, long nowMillis) {
        this.metrics = metrics;
        this.port = port;
        this.lastMillis = nowMillis;
    }

    /** Logs and returns the line for the interval that ends now. */
    public String logInterval(long nowMillis) {
        SortedMap<String, Long> requests = metrics.requestCounts();
        SortedMap<String, Long> responses = metrics.responseCounts();
        String line = "Port: " + port + ", last " + Math.max(0, (nowMillis - lastMillis) / 1000) + "s, "
            + "RequestCode Distribution: " + delta(requests, lastRequests) + ", "
            + "ResponseCode Distribution: " + delta(responses, lastResponses);
        lastRequests = requests;
        lastResponses = responses;
        lastMillis = nowMillis;
        TRAFFIC.info(line);
        return line;
    }

    /** Called by a scheduler: logs the interval ending now. */
    public void logInterval() {
        logInterval(System.currentTimeMillis());
    }

    /** Codes with a non-zero count in the interval, numerically ordered: {103:12, 105:300}. */
    static String delta(Map<String, Long> now, Map<String, Long> before) {
        SortedMap<String, Long> changed = new TreeMap<>(TrafficLogger::byNumber);
        now.forEach((code, n) -> {
            long d = n - before.getOrDefault(code, 0L);
            if (d > 0) {
                changed.put(code, d);
            }
        });
        StringBuilder sb = new StringBuilder("{");
        changed.forEach((code, d) -> sb.append(sb.length() > 1 ? ", " : "").append(code).append(':').append(d));
        return sb.append('}').toString();
    }

    private static int byNumber(String a, String b) {
        boolean na = a.matches("-?\\d+");
        boolean nb = b.matches("-?\\d+");
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return na == nb ? a.compareTo(b) : (na ? -1 : 1);
    }
}
