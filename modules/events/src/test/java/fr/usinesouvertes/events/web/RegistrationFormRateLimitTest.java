package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registration form refused by the rate limit comes back as typed, with the notice, not a bare error page. */
class RegistrationFormRateLimitTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-02-10T10:00:00+01:00")
            .setting("registration-rate-limit", "1")
            .modules(new EventsModule());

    @Test
    void theRateLimitedFormKeepsWhatWasTyped() {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 30, 6, "public");
        String path = "/inscription/" + slot + "/grand-public";
        assertThat(post(path, "Nadia Benali", "nadia.benali@example.fr").statusCode()).isEqualTo(200);

        HttpResponse<String> limited = post(path, "Paul Martin", "paul.martin@example.fr");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        Document page = Jsoup.parse(limited.body());
        assertThat(page.select("p[role=alert]").text()).contains("Trop d'inscriptions", "vos réponses sont conservées");
        assertThat(page.select("input[name=name]").val()).isEqualTo("Paul Martin");
        assertThat(page.select("input[name=email]").val()).isEqualTo("paul.martin@example.fr");
        assertThat(page.select("input[name=persons]").val()).isEqualTo("3");
        assertThat(page.select("input[name=csrf]").val()).isNotBlank(); // a fresh token: it can be sent again
    }

    private static HttpResponse<String> post(String path, String name, String email) {
        Matcher matcher = CSRF.matcher(PLATFORM.get(path).body());
        assertThat(matcher.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", matcher.group(1));
        fields.put("name", name);
        fields.put("email", email);
        fields.put("persons", "3");
        fields.put("consent", "true");
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return PLATFORM.post(path, "application/x-www-form-urlencoded", body);
    }
}
