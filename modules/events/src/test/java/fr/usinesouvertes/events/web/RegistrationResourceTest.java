package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.SeedSitePlatform;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registrations JSON API over real HTTP, on a real repository, at a fixed "now" when every window is open. */
class RegistrationResourceTest {

    static final String API = "/.rest/registrations/v1";
    /** Saturday slot of the seed sheet of Colas Santes: public only. */
    static final String SEED_SATURDAY_SLOT = "10ad318e-073f-5998-8b92-ce2941155cdc";
    /** Friday afternoon slot of the same sheet: school, France Travail and public. */
    static final String SEED_FRIDAY_SLOT = "852d1a40-05c5-59e7-a25d-f276ea0031b2";

    @RegisterExtension
    static final PlatformExtension PLATFORM = SeedSitePlatform.duringSignUp();

    private static ContentRepository repository() {
        return PLATFORM.platform().repository();
    }

    static String publicBody(String slot, String email, Object persons, String lang) {
        return json(Map.of("slot", slot, "audience", "public", "name", "Nadia Benali", "email", email,
                "persons", persons, "consent", true, "lang", lang));
    }

    static String json(Map<String, ?> fields) {
        try {
            return JsonMapper.mapper().writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A map of alternating names and values, in order. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static HttpResponse<String> register(String body) {
        return PLATFORM.post(API, "application/json", body);
    }

    static JsonNode read(HttpResponse<String> response) throws Exception {
        return JsonMapper.mapper().readTree(response.body());
    }

    @Test
    void confirmsWithinCapacityThenPutsOnTheWaitingListWithAPosition() throws Exception {
        String slot = EventSheetFixtures.slot(repository(), 4, 4, "public");

        HttpResponse<String> first = register(publicBody(slot, "a@example.fr", 3, "fr"));
        HttpResponse<String> second = register(publicBody(slot, "b@example.fr", 2, "fr"));
        HttpResponse<String> third = register(publicBody(slot, "c@example.fr", 2, "fr"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(read(first).get("status").asText()).isEqualTo("confirmed");
        assertThat(read(first).has("position")).isFalse();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(read(second).get("status").asText()).isEqualTo("waitlisted");
        assertThat(read(second).get("position").asInt()).isEqualTo(1);
        assertThat(read(third).get("position").asInt()).isEqualTo(2);
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slot)).isEqualTo(3);
    }

    @Test
    void theSeedSheetsTakeRegistrations() throws Exception {
        HttpResponse<String> response = register(publicBody(SEED_SATURDAY_SLOT, "famille.martin@example.fr", 4, "fr"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(read(response).get("status").asText()).isEqualTo("confirmed");
    }

    @Test
    void everyKindOfBadInputIsA400NamingTheFieldAndStoresNothing() throws Exception {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public", "school");
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("email", json(Map.of("slot", slot, "audience", "public", "name", "N", "persons", 2, "consent", true)));
        bodies.put("persons", publicBody(slot, "x@example.fr", "3", "fr"));
        bodies.put("persons ", publicBody(slot, "x@example.fr", -2, "fr"));
        bodies.put("persons  ", publicBody(slot, "x@example.fr", 99_999_999_999L, "fr"));
        bodies.put("persons   ", publicBody(slot, "x@example.fr", 7, "fr")); // above the slot's 6 per registration
        bodies.put("slot", publicBody("0b5e7c1a-1111-4222-8333-944455556666", "x@example.fr", 2, "fr"));
        bodies.put("slot ", publicBody("../../etc/passwd", "x@example.fr", 2, "fr"));
        bodies.put("email ", publicBody(slot, "not-an-address", 2, "fr"));
        bodies.put("nickname", json(Map.of("slot", slot, "audience", "public", "name", "N", "email", "x@example.fr",
                "persons", 2, "consent", true, "nickname", "Bot")));
        bodies.put("website", json(Map.of("slot", slot, "audience", "public", "name", "N", "email", "x@example.fr",
                "persons", 2, "consent", true, "website", "http://spam.example")));
        bodies.put("audience", json(Map.of("slot", slot, "audience", "robots", "consent", true)));
        bodies.put("phone", json(fields("slot", slot, "audience", "school", "schoolName", "Collège Jean Moulin",
                "commune", "Lille", "level", "college", "persons", 20, "accompanyingAdults", 2,
                "teacherName", "M. Durand", "email", "durand@example.fr", "phone", "12", "consent", true)));
        bodies.put("body", "{\"slot\": ");
        bodies.put("body ", "[1, 2]");

        for (Map.Entry<String, String> entry : bodies.entrySet()) {
            HttpResponse<String> response = register(entry.getValue());
            assertThat(response.statusCode()).as(entry.getValue()).isEqualTo(400);
            JsonNode errors = read(response).get("errors");
            assertThat(errors).as(entry.getValue()).isNotEmpty();
            List<String> fields = new ArrayList<>();
            errors.forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(entry.getValue()).contains(entry.getKey().strip());
            errors.forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
        }
        assertThat(EventSheetFixtures.registrations(repository(), slot)).isEmpty();
    }

    @Test
    void wrongContentTypeIs415AndOversizedBodyIs413() throws Exception {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public");

        HttpResponse<String> form = PLATFORM.post(API, "application/x-www-form-urlencoded",
                "slot=" + slot + "&audience=public&name=N&email=x%40example.fr&persons=2&consent=true");
        HttpResponse<String> text = PLATFORM.post(API, "text/plain", publicBody(slot, "x@example.fr", 2, "fr"));
        String padding = "x".repeat(20_000);
        HttpResponse<String> huge = register(json(Map.of("slot", slot, "audience", "public", "name", padding,
                "email", "x@example.fr", "persons", 2, "consent", true)));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(read(form).get("code").asText()).isEqualTo("unsupportedMediaType");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(read(huge).get("message").asText()).contains("16");
        assertThat(EventSheetFixtures.registrations(repository(), slot)).isEmpty();
    }

    @Test
    void anAudienceNotWelcomeOnTheSlotIs409() throws Exception {
        HttpResponse<String> response = register(json(Map.of("slot", SEED_SATURDAY_SLOT, "audience", "franceTravail",
                "agency", "France Travail Lille Centre", "adviserName", "Claire Petit",
                "adviserEmail", "claire.petit@example.fr", "persons", 5, "consent", true)));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(read(response).get("code").asText()).isEqualTo("audienceNotAllowed");
        assertThat(read(response).get("message").asText()).contains("France Travail");
        assertThat(EventSheetFixtures.registrations(repository(), SEED_SATURDAY_SLOT))
                .noneMatch(r -> r.email().equals("claire.petit@example.fr"));
    }

    @Test
    void aDoubleSubmitBooksOnceAndMailsOnce() throws Exception {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public");
        String body = publicBody(slot, "double@example.fr", 2, "fr");

        HttpResponse<String> first = register(body);
        HttpResponse<String> second = register(body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(read(second).get("id").asText()).isEqualTo(read(first).get("id").asText());
        assertThat(EventSheetFixtures.registrations(repository(), slot)).hasSize(1);
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slot)).isEqualTo(2);
        assertThat(Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "double@example.fr", 2)).hasSize(1);
    }

    @Test
    void theConfirmationMailCarriesTheCalendarAndAWorkingSignedLinkInFrenchOrEnglish() throws Exception {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public");
        String id = read(register(publicBody(slot, "fr@example.fr", 2, "fr"))).get("id").asText();
        register(publicBody(slot, "en@example.fr", 1, "en"));

        MimeMessage french = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "fr@example.fr", 1).get(0);
        MimeMessage english = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "en@example.fr", 1).get(0);
        assertThat(french.getSubject()).startsWith("Inscription confirmée");
        assertThat(english.getSubject()).doesNotContain("Inscription").containsIgnoringCase("confirmed");
        assertThat(Outbox.calendar(french)).contains("BEGIN:VCALENDAR", "TZID=Europe/Paris", "DTSTART;TZID=Europe/Paris:20260320T140000");
        Matcher frenchLink = Outbox.manageLink(french);
        assertThat(frenchLink.group(1)).startsWith(PLATFORM.platform().baseUri().toString().replace("127.0.0.1", "")
                .substring(0, 7)).contains("/inscription/gestion/").doesNotContain("/en/");
        assertThat(Outbox.manageLink(english).group(1)).contains("/en/inscription/gestion/");

        HttpResponse<String> view = PLATFORM.get(API + "/" + frenchLink.group(2));
        assertThat(view.statusCode()).isEqualTo(200);
        JsonNode registration = read(view);
        assertThat(registration.get("id").asText()).isEqualTo(id);
        assertThat(registration.get("email").asText()).isEqualTo("fr@example.fr");
        assertThat(registration.get("status").asText()).isEqualTo("confirmed");
        assertThat(view.body()).doesNotContain("en@example.fr");
        String tampered = frenchLink.group(2).substring(0, frenchLink.group(2).length() - 2) + "xx";
        assertThat(PLATFORM.get(API + "/" + tampered).statusCode()).isEqualTo(404);
    }

    @Test
    void cancellingFreesTheSeatsPromotesTheWaitingListAndTellsEveryone() throws Exception {
        String slot = EventSheetFixtures.slot(repository(), 3, 3, "public");
        register(publicBody(slot, "first@example.fr", 3, "fr"));
        HttpResponse<String> waiting = register(publicBody(slot, "waiting@example.fr", 2, "en"));
        assertThat(read(waiting).get("status").asText()).isEqualTo("waitlisted");
        String token = Outbox.manageLink(Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "first@example.fr", 1).get(0)).group(2);

        HttpResponse<String> cancelled = PLATFORM.send(HttpRequest.newBuilder(PLATFORM.uri(API + "/" + token)).DELETE().build());
        HttpResponse<String> again = PLATFORM.post(API + "/" + token + "/cancel", "application/json", "");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(read(cancelled).get("status").asText()).isEqualTo("cancelled");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(EventSheetFixtures.registrations(repository(), slot))
                .filteredOn(r -> r.email().equals("waiting@example.fr")).singleElement()
                .extracting(EventSheetFixtures.Stored::status).isEqualTo("confirmed");
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slot)).isEqualTo(2);
        List<MimeMessage> toFirst = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "first@example.fr", 2);
        assertThat(toFirst).hasSize(2);
        assertThat(subjects(toFirst)).anyMatch(subject -> subject.startsWith("Inscription annulée"));
        List<MimeMessage> toWaiting = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "waiting@example.fr", 2);
        assertThat(toWaiting).hasSize(2);
        assertThat(subjects(toWaiting)).anyMatch(subject -> subject.startsWith("A place came free"));
    }

    private static List<String> subjects(List<MimeMessage> messages) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messages) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    @Test
    void twoHundredConcurrentRegistrationsOnAThirtyPersonSlotConfirmExactlyThirtyPersons() throws Exception {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String body = publicBody(slot, "visitor" + i + "@example.fr", 1 + i % 3, "fr");
                Callable<HttpResponse<String>> call = () -> register(body);
                futures.add(pool.submit(call));
            }
            int confirmedPersons = 0;
            int waitlisted = 0;
            for (Future<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.get();
                assertThat(response.statusCode()).isEqualTo(201);
                JsonNode outcome = read(response);
                if (outcome.get("status").asText().equals("waitlisted")) {
                    waitlisted++;
                }
            }
            confirmedPersons = (int) EventSheetFixtures.confirmedPersons(repository(), slot);
            assertThat(confirmedPersons).isEqualTo(30);
            assertThat(waitlisted).isGreaterThan(100);
            assertThat(EventSheetFixtures.registrations(repository(), slot)).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registrationsNeverAppearInTheDeliveryApiOrPages() throws Exception {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public");
        register(json(Map.of("slot", slot, "audience", "public", "name", "Secret Person", "email", "secret.person@example.fr",
                "persons", 2, "consent", true)));

        for (String path : List.of("/.rest/delivery/pages/v1/journees-usines-ouvertes", "/.rest/delivery/showcases/v1",
                "/.rest/delivery/partners/v1", "/.rest/delivery/press-releases/v1", "/", "/en/",
                "/.rest/delivery/registrations/v1", "/registrations/" + slot, "/.rest/openapi.yaml")) {
            HttpResponse<String> response = PLATFORM.get(path);
            assertThat(response.statusCode()).as(path).isLessThan(500);
            assertThat(response.body()).as(path).doesNotContain("secret.person@example.fr", "Secret Person");
        }
        assertThat(PLATFORM.get("/.rest/delivery/registrations/v1").statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        HttpResponse<String> response = PLATFORM.get("/.rest/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(response.body()).contains("openapi: 3.", "/registrations/v1:", "/registrations/v1/{token}:",
                "/delivery/events/v1:");
        assertThat(URI.create("http://x/").resolve("a")).isNotNull();
    }
}
