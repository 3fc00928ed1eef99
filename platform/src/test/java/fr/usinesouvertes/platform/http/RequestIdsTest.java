package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import fr.usinesouvertes.platform.module.TestModule;
import fr.usinesouvertes.platform.testing.LogCapture;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every answer carries an {@code X-Request-Id}, the caller's when it is valid, and the request's log lines carry the
 * same id in the MDC; the access log is off by default.
 */
class RequestIdsTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Logger MODULE_LOG = LoggerFactory.getLogger("fr.usinesouvertes.test.requestids");

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .modules(TestModule.of("echoing", "1.0").onStart(context -> context.web().servlet("/echo-id/*",
                    new HttpServlet() {
                        @Override
                        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                                throws IOException {
                            MODULE_LOG.warn("Serving the echo");
                            response.setContentType("text/plain;charset=utf-8");
                            response.getWriter().write(String.valueOf(MDC.get(RequestIds.MDC_KEY)));
                        }
                    })));

    @Test
    void aRequestWithoutAnIdGetsANewOneInTheAnswerAndInTheMdcOfItsLogLines() {
        HttpResponse<String> response;
        List<ILoggingEvent> logged;
        try (LogCapture log = LogCapture.of(MODULE_LOG.getName(), Level.INFO)) {
            response = PLATFORM.get("/echo-id/x");
            logged = log.events();
        }

        String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(id).matches(UUID);
        assertThat(response.body()).isEqualTo(id);
        assertThat(logged).singleElement().satisfies(event ->
                assertThat(event.getMDCPropertyMap()).containsEntry("requestId", id));
        assertThat(PLATFORM.get("/echo-id/x").headers().firstValue(RequestIds.HEADER)).isPresent().get()
                .isNotEqualTo(id);
    }

    @Test
    void aValidIncomingIdIsKeptAndAnInvalidOneReplaced() {
        HttpResponse<String> kept = PLATFORM.get("/echo-id/x", "X-Request-Id", "lb-7f3a.21:9_x");
        HttpResponse<String> tooLong = PLATFORM.get("/echo-id/x", "X-Request-Id", "a".repeat(129));
        HttpResponse<String> unsafe = PLATFORM.get("/echo-id/x", "X-Request-Id", "<script>alert(1)</script>");

        assertThat(kept.headers().firstValue(RequestIds.HEADER)).hasValue("lb-7f3a.21:9_x");
        assertThat(kept.body()).isEqualTo("lb-7f3a.21:9_x");
        assertThat(PLATFORM.get("/echo-id/x", "X-Request-Id", "a".repeat(128)).body()).isEqualTo("a".repeat(128));
        for (HttpResponse<String> replaced : List.of(tooLong, unsafe)) {
            assertThat(replaced.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(
                    id -> assertThat(id).matches(UUID));
            assertThat(replaced.body()).matches(UUID);
        }
    }

    @Test
    void errorAnswersCarryTheIdToo() throws Exception {
        assertThat(PLATFORM.get("/nowhere", "X-Request-Id", "page-404").headers().firstValue(RequestIds.HEADER))
                .hasValue("page-404");
        assertThat(PLATFORM.get("/.rest/nothing", "X-Request-Id", "rest-404").headers().firstValue(RequestIds.HEADER))
                .hasValue("rest-404");
        assertThat(rawHeader("GET /?a=% HTTP/1.1", "query-400")).hasToString("query-400"); // SecurityHeadersFilter
        // refused by Jetty before its headers are read: a new id
        assertThat(rawHeader("GET /a/%2e%2e/%2e%2e/etc HTTP/1.1", "uri-400").toString()).matches(UUID);
    }

    @Test
    void theAccessLogIsOffByDefault() {
        try (LogCapture log = LogCapture.of(RequestObserver.ACCESS_LOGGER, Level.INFO)) {
            PLATFORM.get("/echo-id/x");
            PLATFORM.get("/nowhere");
            assertThat(log.events()).isEmpty();
        }
    }

    /** The X-Request-Id answered to a request line sent as is, with {@code id} as the incoming id. */
    private static CharSequence rawHeader(String requestLine, String id) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PLATFORM.platform().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nX-Request-Id: " + id
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            Matcher header = Pattern.compile("(?im)^X-Request-Id: (\\S+)\\r?$").matcher(answer);
            return header.find() ? header.group(1) : "(none)";
        }
    }
}
