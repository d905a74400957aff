package io.namesrv.remoting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** At most one warning per interval, the ones in between counted into the next; on a clock the test moves. */
class ThrottledLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("ThrottledLogTest");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final AtomicLong now = new AtomicLong(1_000_000);

    ThrottledLogTest() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void oneLinePerIntervalAndTheSuppressedCountGoesWithTheNext() {
        ThrottledLog log = new ThrottledLog(logger, 1000, now::get);
        for (int i = 0; i < 5; i++) {
            log.warn("rejected {}", i);
        }
        assertEquals(List.of("rejected 0"), lines());

        now.addAndGet(999);
        log.warn("rejected {}", 5);
        assertEquals(1, lines().size(), "still within the interval");

        now.addAndGet(1);
        log.warn("rejected {}", 6);
        assertEquals(List.of("rejected 0", "rejected 6 [5 similar warnings suppressed before this one]"), lines());

        now.addAndGet(1000);
        log.warn("rejected {}", 7);
        assertEquals("rejected 7", lines().get(2), "nothing was suppressed since the last line");
    }
}
