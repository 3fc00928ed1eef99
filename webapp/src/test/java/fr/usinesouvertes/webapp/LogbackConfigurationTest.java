package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.usinesouvertes.platform.config.OperationsSettings.LogFormat;
import fr.usinesouvertes.platform.logging.LogFormats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The packaged logback.xml: every line dated with its offset, the request id when there is one; JSON on demand. */
class LogbackConfigurationTest {

    private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})";

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream systemOut = System.out;

    @BeforeEach
    void configure() throws Exception {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        URL packaged = Main.class.getResource("/logback.xml");
        assertThat(packaged).as("webapp's logback.xml").isNotNull();
        context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(packaged);
    }

    @AfterEach
    void restore() {
        System.setOut(systemOut);
        MDC.clear();
        context.stop();
    }

    @Test
    void textLinesStartWithTheDateAndTimeAndNameTheRequest() {
        Logger logger = context.getLogger("fr.usinesouvertes.platform.Platform");
        logger.info("outside any request");
        MDC.put("requestId", "3f1c-77");
        logger.warn("inside a request");

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches(DATE_TIME + " INFO  f\\.u\\.platform\\.Platform - outside any request");
        assertThat(lines.get(1)).matches(DATE_TIME + " WARN  \\[3f1c-77\\] f\\.u\\.platform\\.Platform - inside a request");
    }

    @Test
    void theJsonFormatWritesOneObjectALine() throws Exception {
        LogFormats.apply(context, LogFormat.JSON);
        MDC.put("requestId", "3f1c-77");
        context.getLogger("access").info("GET / 200 4 ms 120 B");

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(java.time.OffsetDateTime.parse(line.get("@timestamp").asText())).isNotNull(); // ISO-8601, offset
        assertThat(line.get("message").asText()).isEqualTo("GET / 200 4 ms 120 B");
        assertThat(line.get("requestId").asText()).isEqualTo("3f1c-77");
    }
}
