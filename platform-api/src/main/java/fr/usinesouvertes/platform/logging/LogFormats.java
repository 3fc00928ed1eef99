package fr.usinesouvertes.platform.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import fr.usinesouvertes.platform.config.OperationsSettings.LogFormat;
import java.util.Iterator;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * The format of the process's log lines ({@code log-format}). {@code text} keeps the logging configuration's own
 * pattern (the packaged {@code logback.xml}: date and time with offset, level, request id, logger, message).
 * {@code json} writes one JSON object a line for log collectors, with logstash-logback-encoder's fields:
 * {@code @timestamp} (ISO-8601 with offset), {@code level}, {@code logger_name}, {@code thread_name},
 * {@code message}, the MDC ({@code requestId}), the event's key-value pairs (the access log's {@code method},
 * {@code path}, {@code status}…) and {@code stack_trace}.
 */
public final class LogFormats {

    private LogFormats() {
    }

    /** Applies {@code format} to the console appenders of the running logback, if logback is the SLF4J binding. */
    public static void apply(LogFormat format) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context, format);
        }
    }

    /** Applies {@code format} to the appenders of {@code context}'s root logger that write to a stream. */
    public static void apply(LoggerContext context, LogFormat format) {
        if (format != LogFormat.JSON) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> stream) {
                Encoder<ILoggingEvent> previous = stream.getEncoder();
                stream.stop();
                stream.setEncoder(json(context));
                stream.start();
                if (previous != null) {
                    previous.stop();
                }
            }
        }
    }

    /** An encoder writing one JSON object a line. */
    static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}
