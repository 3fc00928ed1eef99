package fr.usinesouvertes.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.usinesouvertes.platform.config.OperationsSettings.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** {@code log-format: json} turns a logback set-up's stream appenders into one JSON object a line. */
class LogFormatsTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream systemOut = System.out;

    /** A console appender as logback.xml declares it; the test reads what it writes to System.out. */
    private Logger configure() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one org.slf4j.MDC writes to
        context.start();
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%d %-5level %logger - %msg%n");
        pattern.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setEncoder(pattern);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return context.getLogger("access");
    }

    @AfterEach
    void stop() {
        System.setOut(systemOut);
        MDC.clear();
        context.stop();
    }

    @Test
    void jsonLinesCarryTheTimeLevelMessageRequestIdKeyValuesAndStackTrace() throws Exception {
        Logger logger = configure();
        LogFormats.apply(context, LogFormat.JSON);

        MDC.put("requestId", "abc-123");
        logger.atInfo().setMessage("GET /x 200 3 ms 12 B").addKeyValue("status", 200).addKeyValue("path", "/x").log();
        MDC.remove("requestId");
        logger.error("Rendering failed", new IllegalStateException("broken template"));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode access = json.readTree(lines.get(0));
        assertThat(OffsetDateTime.parse(access.get("@timestamp").asText())).isNotNull();
        assertThat(access.get("level").asText()).isEqualTo("INFO");
        assertThat(access.get("logger_name").asText()).isEqualTo("access");
        assertThat(access.get("message").asText()).isEqualTo("GET /x 200 3 ms 12 B");
        assertThat(access.get("requestId").asText()).isEqualTo("abc-123");
        assertThat(access.get("status").asInt()).isEqualTo(200);
        assertThat(access.get("path").asText()).isEqualTo("/x");
        JsonNode failure = json.readTree(lines.get(1));
        assertThat(failure.get("level").asText()).isEqualTo("ERROR");
        assertThat(failure.has("requestId")).isFalse();
        assertThat(failure.get("stack_trace").asText()).contains("IllegalStateException: broken template")
                .contains("at fr.usinesouvertes.platform.logging.LogFormatsTest");
    }

    @Test
    void textKeepsTheConfiguredPattern() {
        Logger logger = configure();
        LogFormats.apply(context, LogFormat.TEXT);

        logger.info("plain");

        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("INFO  access - plain\n").doesNotContain("{");
    }
}
