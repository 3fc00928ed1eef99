package fr.usinesouvertes.events.web;

import static fr.usinesouvertes.events.web.RegistrationResourceTest.SEED_FRIDAY_SLOT;
import static fr.usinesouvertes.events.web.RegistrationResourceTest.SEED_SATURDAY_SLOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On 15 January 2026 group sign-up is open (since 1 December) but the public's opens on 31 January; 3 submissions a minute. */
class RegistrationWindowAndRateLimitTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-01-15T10:00:00+01:00")
            .setting("registration-rate-limit", "3")
            .modules(new EventsModule());

    private static HttpResponse<String> register(String body) {
        return PLATFORM.post(RegistrationResourceTest.API, "application/json", body);
    }

    @Test
    void beforeItsWindowTheAudienceIsRefusedWith409SayingWhenItOpensThenTheRateLimitAnswers429() throws Exception {
        HttpResponse<String> french = register(RegistrationResourceTest.publicBody(SEED_SATURDAY_SLOT, "tot@example.fr", 2, "fr"));
        HttpResponse<String> english = register(RegistrationResourceTest.publicBody(SEED_SATURDAY_SLOT, "early@example.fr", 2, "en"));
        HttpResponse<String> group = register(RegistrationResourceTest.json(RegistrationResourceTest.fields(
                "slot", SEED_FRIDAY_SLOT, "audience", "franceTravail", "agency", "France Travail Lille",
                "adviserName", "Claire Petit", "adviserEmail", "claire.petit@example.fr", "persons", 8, "consent", true)));
        HttpResponse<String> fourth = register(RegistrationResourceTest.publicBody(SEED_SATURDAY_SLOT, "bot@example.fr", 2, "fr"));

        assertThat(french.statusCode()).isEqualTo(409);
        JsonNode refusal = JsonMapper.mapper().readTree(french.body());
        assertThat(refusal.get("code").asText()).isEqualTo("registrationNotOpen");
        assertThat(refusal.get("message").asText()).contains("ouvrent le", "31 janvier 2026");
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(JsonMapper.mapper().readTree(english.body()).get("message").asText()).contains("opens on", "January");
        assertThat(group.statusCode()).isEqualTo(201);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(JsonMapper.mapper().readTree(fourth.body()).get("code").asText()).isEqualTo("tooManyRequests");
        assertThat(EventSheetFixtures.registrations(PLATFORM.platform().repository(), SEED_SATURDAY_SLOT)).isEmpty();
    }
}
