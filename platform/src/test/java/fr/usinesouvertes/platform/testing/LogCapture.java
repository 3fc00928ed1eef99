package fr.usinesouvertes.platform.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what one logger (and its children) logs at {@code level} and above while open, whatever the tests'
 * logback configuration shows: {@code try (LogCapture log = LogCapture.of(SomeClass.class, Level.INFO)) {...}}.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(level);
    }

    public static LogCapture of(Class<?> type, Level level) {
        return of(type.getName(), level);
    }

    public static LogCapture of(String loggerName, Level level) {
        return new LogCapture((Logger) LoggerFactory.getLogger(loggerName), level);
    }

    /** The events logged so far, oldest first. */
    public synchronized List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
