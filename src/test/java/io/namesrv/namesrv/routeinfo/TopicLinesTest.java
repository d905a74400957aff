package io.namesrv.namesrv.routeinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TopicLinesTest {

    private static final QueueData Q = new QueueData("broker-a", 6, 8, 0, 8);
    private static final QueueData Q2 = new QueueData("broker-a", 4, 8, 0, 8);

    @Test
    void linesReadAsApachesOnePerTopicInOrderInBlocksOfAFewKilobytes() {
        TopicLines lines = new TopicLines();
        for (int i = 0; i < 2500; i++) {
            lines.added("T" + i, Q);
        }
        lines.changed("T0", Q, Q2);
        lines.dropped("broker-a", "Gone");
        lines.gone("Gone");
        List<String> blocks = lines.blocks();

        List<String> all = new ArrayList<>();
        for (String block : blocks) {
            List<String> inBlock = Arrays.asList(block.split(System.lineSeparator()));
            int last = inBlock.get(inBlock.size() - 1).length();
            assertTrue(block.length() - last < TopicLines.CHARS_PER_EVENT, "a block closes once past the bound");
            all.addAll(inBlock);
        }
        assertTrue(blocks.size() < 100, blocks.size() + " events for 2,503 lines");
        assertEquals(2503, all.size());
        assertEquals("new topic registered, T0 " + Q, all.get(0));
        assertEquals("new topic registered, T2499 " + Q, all.get(2499));
        assertEquals("topic changed, T0 OLD: " + Q + " NEW: " + Q2, all.get(2500));
        assertEquals("broker broker-a no longer reports topic Gone, its queue data removed", all.get(2501));
        assertEquals("removeTopicByBrokerName, remove the topic all queue Gone", all.get(2502));
    }

    @Test
    void aLineLongerThanABlockGoesAlone() {
        TopicLines lines = new TopicLines();
        String longName = "L".repeat(TopicLines.CHARS_PER_EVENT * 2);
        lines.added("A", Q);
        lines.added(longName, Q);
        lines.added("B", Q);
        List<String> blocks = lines.blocks();
        assertEquals(2, blocks.size());
        assertEquals("new topic registered, A " + Q + System.lineSeparator() + "new topic registered, " + longName
            + " " + Q, blocks.get(0));
        assertEquals("new topic registered, B " + Q, blocks.get(1));
    }

    @Test
    void noLinesNoBlocks() {
        assertEquals(List.of(), new TopicLines().blocks());
    }

    @Test
    void aNewBrokerOf2500TopicsLogsThemInAFewDozenEventsNotOneEach() {
        Logger logger = (Logger) LoggerFactory.getLogger("RocketmqNamesrv");
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(true, false));
            TopicConfig[] topics = IntStream.range(0, 2500).mapToObj(i -> RouteFixtures.topic("T" + i))
                .toArray(TopicConfig[]::new);
            routes.registerBroker(BrokerRegistration.builder("C", "1.1.1.1:1", "a", 0)
                .topics(RouteFixtures.wrapper(RouteFixtures.version(1), topics)).enableActingMaster(false).build());

            List<String> topicEvents = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("new topic registered")).toList();
            assertTrue(topicEvents.size() < 100, topicEvents.size() + " events");
            List<String> lines = new ArrayList<>();
            topicEvents.forEach(e -> lines.addAll(Arrays.asList(e.split(System.lineSeparator()))));
            assertEquals(2500, lines.size());
            assertTrue(lines.stream().allMatch(l -> l.startsWith("new topic registered, T")), lines.get(0));
            assertEquals(2500, lines.stream().distinct().count());
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }
}
