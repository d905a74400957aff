package io.namesrv.namesrv;

import io.namesrv.common.LoggerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's {@code [WATERMARK]} line (queue sizes and how long each queue's head has waited),
 * without letting it fill namesrv.log: Apache writes it every second, which made it 70 % of the
 * file at rest (about 9 MB a day). Here it is written every second while a queue holds requests,
 * once more when both are empty again, and otherwise once a minute, so its absence still means
 * something is wrong. Called from one scheduled thread.
 */
final class WaterMarkLog {

    static final long AT_REST_PERIOD_MILLIS = 60_000;
    private static final Logger WATERMARK = LoggerFactory.getLogger(LoggerNames.NAMESRV_WATER_MARK);

    private boolean busyLastTime;
    private long lastLineMillis = Long.MIN_VALUE;

    /** Writes the line now if the rule above says so; {@code now} in milliseconds. */
    void offer(long now, int clientQueueSize, long clientHeadWait, int defaultQueueSize, long defaultHeadWait) {
        boolean busy = clientQueueSize > 0 || clientHeadWait > 0 || defaultQueueSize > 0 || defaultHeadWait > 0;
        boolean due = busy || busyLastTime || lastLineMillis == Long.MIN_VALUE
            || now - lastLineMillis >= AT_REST_PERIOD_MILLIS;
        busyLastTime = busy;
        if (due) {
            lastLineMillis = now;
            WATERMARK.info("[WATERMARK] ClientQueueSize:{} ClientQueueSlowTime:{} DefaultQueueSize:{} DefaultQueueSlowTime:{}",
                clientQueueSize, clientHeadWait, defaultQueueSize, defaultHeadWait);
        }
    }
}
