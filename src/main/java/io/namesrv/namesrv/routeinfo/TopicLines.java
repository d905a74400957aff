package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.QueueData;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-topic lines of one change of the table ("new topic registered, ...", "topic changed,
 * ...", "broker ... no longer reports topic ..."), kept as values while the write lock is held and written after it as blocks of at most
 * {@link #LINES_PER_EVENT} lines, one log event each. One event per topic made a new broker of
 * 4,000 topics cost 4,000 log events: about 40 ms of its registration in a warm JVM, 170 ms of the
 * first registration after a start, and, when a fleet registers at once, more events than the log
 * queue holds, so most lines were dropped. Each line reads as Apache's; only the first line of a
 * block carries the log pattern's prefix (time, level, thread).
 */
final class TopicLines {

    static final int LINES_PER_EVENT = 1000;

    /** A topic added (old null), changed (both set) or dropped by {@code brokerName} (both null). */
    private record Line(String topic, QueueData old, QueueData now, String brokerName) {
    }

    private final List<Line> lines = new ArrayList<>();

    void added(String topic, QueueData now) {
        lines.add(new Line(topic, null, now, null));
    }

    void changed(String topic, QueueData old, QueueData now) {
        lines.add(new Line(topic, old, now, null));
    }

    void dropped(String brokerName, String topic) {
        lines.add(new Line(topic, null, null, brokerName));
    }

    /** The lines in the order they were added, as blocks of at most {@link #LINES_PER_EVENT} lines. */
    List<String> blocks() {
        List<String> blocks = new ArrayList<>(lines.size() / LINES_PER_EVENT + 1);
        StringBuilder block = new StringBuilder();
        int inBlock = 0;
        for (Line line : lines) {
            if (inBlock == LINES_PER_EVENT) {
                blocks.add(block.toString());
                block.setLength(0);
                inBlock = 0;
            }
            if (inBlock > 0) {
                block.append(System.lineSeparator());
            }
            if (line.brokerName() != null) {
                block.append("broker ").append(line.brokerName()).append(" no longer reports topic ").append(line.topic())
                    .append(", its queue data removed");
            } else if (line.old() == null) {
                append(block.append("new topic registered, ").append(line.topic()).append(' '), line.now());
            } else {
                append(append(block.append("topic changed, ").append(line.topic()).append(" OLD: "), line.old())
                    .append(" NEW: "), line.now());
            }
            inBlock++;
        }
        if (inBlock > 0) {
            blocks.add(block.toString());
        }
        return blocks;
    }

    /**
     * The record's own form, {@code QueueData[brokerName=.., perm=.., ...]}, appended field by field:
     * the generated toString runs through method handles that a freshly started JVM interprets
     * (40 ms for 4,000 of them), and these lines are most of a new server's first registration.
     */
    private static StringBuilder append(StringBuilder sb, QueueData q) {
        return sb.append("QueueData[brokerName=").append(q.brokerName()).append(", perm=").append(q.perm())
            .append(", readQueueNums=").append(q.readQueueNums()).append(", topicSysFlag=").append(q.topicSysFlag())
            .append(", writeQueueNums=").append(q.writeQueueNums()).append(']');
    }
}
