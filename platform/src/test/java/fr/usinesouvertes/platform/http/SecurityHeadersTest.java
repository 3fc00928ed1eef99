package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Every answer's browser-side protections, and a malformed query string answered 400 in one log line. */
class SecurityHeadersTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory();

    @Test
    void pagesOfTheSiteAndTheBackOfficeCarryThePolicyAndProtections() {
        for (String path : List.of("/", "/admin/login", "/admin/password-reset", "/.rest/nothing")) {
            HttpResponse<String> response = PLATFORM.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'")
                            .containsPattern("frame-ancestors '(self|none)'").contains("object-src 'none'")
                            .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValueSatisfying(
                    value -> assertThat(value).isIn("SAMEORIGIN", "DENY")); // the back office: DENY
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }

    @Test
    void aMalformedPercentEncodingAnswers400WithoutAStackTrace() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger filterLog = (Logger) LoggerFactory.getLogger(SecurityHeadersFilter.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        filterLog.setLevel(Level.INFO); // the tests' configuration shows WARN and above only
        try {
            PlatformExtension.RawResponse page = PLATFORM.rawGet("/?a=%");
            PlatformExtension.RawResponse other = PLATFORM.rawGet("/admin/login?next=%zz");
            PlatformExtension.RawResponse rest = PLATFORM.rawGet("/.rest/nothing?q=%e9");

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("Adresse invalide").doesNotContain("Exception");
            assertThat(other.status()).isEqualTo(400);
            assertThat(rest.status()).isEqualTo(400);
            assertThat(rest.body()).contains("\"code\":\"badRequest\"");
        } finally {
            root.detachAppender(log);
            filterLog.setLevel(null);
        }
        assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(log.list).noneMatch(event -> event.getThrowableProxy() != null);
        assertThat(log.list).filteredOn(event -> event.getFormattedMessage().startsWith("400 for GET")).hasSize(3);
    }
}
