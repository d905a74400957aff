package io.namesrv.namesrv.peers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the name server logs (logger {@code RocketmqNamesrv}, INFO and up) from {@link #start()} to {@link #close()}. */
final class NamesrvLogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("RocketmqNamesrv");
    private final Level levelBefore;

    private NamesrvLogCapture() {
        appender.start();
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
    }

    static NamesrvLogCapture start() {
        return new NamesrvLogCapture();
    }

    /** The WARN lines containing {@code text}, formatted. */
    List<String> warnings(String text) {
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
            .filter(m -> m.contains(text)).toList();
    }

    /** Whether any captured line carries a stack trace. */
    boolean anyStackTrace() {
        return appender.list.stream().anyMatch(e -> e.getThrowableProxy() != null);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
    }
}
