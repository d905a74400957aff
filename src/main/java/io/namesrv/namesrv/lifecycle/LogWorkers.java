package io.namesrv.namesrv.lifecycle;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The background writers of the asynchronous log appenders, found once by the name logback
 * gives them. When one dies its queue is never drained again: nothing more reaches that file,
 * and an appender configured to wait for room would hang every thread that logs.
 */
final class LogWorkers {

    /** How logback names an async appender's worker thread: this prefix and the appender's name. */
    static final String WORKER_PREFIX = "AsyncAppender-Worker-";

    private LogWorkers() {
    }

    /** One check per running worker; none when logging is not logback's or has no async appender. */
    static List<Supplier<String>> checks() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof AsyncAppenderBase<?> async && async.isStarted()) {
                    names.add(WORKER_PREFIX + async.getName());
                }
            }
        }
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> names.contains(t.getName()))
            .map(LogWorkers::check)
            .toList();
    }

    private static Supplier<String> check(Thread worker) {
        String problem = "the log writer thread " + worker.getName() + " died";
        return () -> worker.isAlive() ? null : problem;
    }
}
