package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.QueueData;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-topic lines of one change of the table ("new topic registered, ...", "topic changed,
 * ...", "broker ... no longer reports topic ...", "removeTopicByBrokerName, remove the topic all
 * queue ..."), kept as values while the write lock is held and
 * written after it in blocks of a few KB, one log event each. One event per topic made a new broker
 * of 4,000 topics cost 4,000 log events: about 40 ms of its registration in a warm JVM, 170 ms of
 * the first registration after a start, and, when a fleet registers at once, more events than the
 * log queue holds, so most lines were dropped. Each line reads as Apache's; only the first line of
 * a block carries the log pattern's prefix (time, level, thread).
 */
final class TopicLines {

    /**
     * A block is closed once it holds this many characters (its last line may pass it): the log
     * queue is bounded in events, not bytes, so blocks stay small (about 30 lines) and a full queue
     * behind a stalled disk holds a few tens of MB of them at most.
     */
    static final int CHARS_PER_EVENT = 4096;

    /**
     * A topic added (old null), changed (old and now set), dropped by {@code brokerName}, or left
     * without any queue data when its last group went ({@code gone}).
     */
    private record Line(String topic, QueueData old, QueueData now, String brokerName, boolean gone) {
    }

    private final List<Line> lines = new ArrayList<>();

    void added(String topic, QueueData now) {
        lines.add(new Line(topic, null, now, null, false));
    }

    void changed(String topic, QueueData old, QueueData now) {
        lines.add(new Line(topic, old, now, null, false));
    }

    void dropped(String brokerName, String topic) {
        lines.add(new Line(topic, null, null, brokerName, false));
    }

    void gone(String topic) {
        lines.add(new Line(topic, null, null, null, true));
    }

    /** The lines in the order they were added, in blocks closed once past {@link #CHARS_PER_EVENT} characters. */
    List<String> blocks() {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder(CHARS_PER_EVENT + 256);
        for (Line line : lines) {
            if (block.length() >= CHARS_PER_EVENT) {
                blocks.add(block.toString());
                block.setLength(0);
            }
            if (!block.isEmpty()) {
                block.append(System.lineSeparator());
            }
            if (line.gone()) {
                block.append("removeTopicByBrokerName, remove the topic all queue ").append(line.topic());
            } else if (line.brokerName() != null) {
                block.append("broker ").append(line.brokerName()).append(" no longer reports topic ").append(line.topic())
                    .append(", its queue data removed");
            } else if (line.old() == null) {
                append(block.append("new topic registered, ").append(line.topic()).append(' '), line.now());
            } else {
                append(append(block.append("topic changed, ").append(line.topic()).append(" OLD: "), line.old())
                    .append(" NEW: "), line.now());
            }
        }
        if (!block.isEmpty()) {
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
