package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.SeedSitePlatform;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A registrant changes the booking from the signed link, over real HTTP on a real repository: the "Modifier mon
 * inscription" form of the registration page (French and English, no JavaScript) and {@code PATCH
 * /.rest/registrations/v1/{token}}; the e-mail and its .ics follow.
 */
class RegistrationChangeTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern MANAGE = Pattern.compile("href=\"https?://[^/\"]+(?:/en)?(/inscription/gestion/([^\"]+))\"");
    private static final String API = "/.rest/registrations/v1/";

    @RegisterExtension
    static final PlatformExtension PLATFORM = SeedSitePlatform.duringSignUp();

    private static ContentRepository repository() {
        return PLATFORM.platform().repository();
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return PLATFORM.post(path, "application/x-www-form-urlencoded", body);
    }

    /** The CSRF token of the change form (the page's second form token: the first is the cancellation's). */
    private static String changeCsrf(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).selectFirst("form[action$=/modifier] input[name=csrf]").attr("value");
    }

    /** Registers by the French or English public form; returns the registration page's path without language prefix. */
    private static String register(String slot, String email, int persons, String lang) {
        String prefix = lang.equals("en") ? "/en" : "";
        String path = prefix + "/inscription/" + slot + "/grand-public";
        Matcher csrf = CSRF.matcher(PLATFORM.get(path).body());
        assertThat(csrf.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf.group(1));
        fields.put("name", "Nadia Benali");
        fields.put("email", email);
        fields.put("persons", String.valueOf(persons));
        fields.put("consent", "true");
        HttpResponse<String> confirmed = postForm(path, fields);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        Matcher link = MANAGE.matcher(confirmed.body());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private static String token(String managePath) {
        return managePath.substring(managePath.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> patch(String token, String json, String lang) {
        return PLATFORM.send(HttpRequest.newBuilder(PLATFORM.uri(API + token))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept-Language", lang).build());
    }

    private static JsonNode read(HttpResponse<String> response) throws Exception {
        return JsonMapper.mapper().readTree(response.body());
    }

    private static String status(String slot, String email) {
        return EventSheetFixtures.registrations(repository(), slot).stream().filter(r -> r.email().equals(email))
                .findFirst().orElseThrow().status();
    }

    private static String uid(String calendar) {
        Matcher uid = Pattern.compile("UID:(\\S+)").matcher(calendar.replace("\r\n ", ""));
        assertThat(uid.find()).isTrue();
        return uid.group(1);
    }

    @Test
    void inFrenchAnIncreaseWithinThePlacesLeftIsSavedAndOneBeyondIsRefusedNextToTheFieldNamingThePlacesLeft() throws Exception {
        List<String> slots = EventSheetFixtures.sheet(repository(), 6, List.of("public"), 10, 20);
        String manage = register(slots.get(0), "hausse@example.fr", 2, "fr");

        HttpResponse<String> page = PLATFORM.get(manage);
        Document document = Jsoup.parse(page.body());
        assertThat(document.select("main h2").eachText()).contains("Modifier mon inscription");
        assertThat(document.select("#f-slot option").eachText()).containsExactly(
                "vendredi 20 mars 2026, 14 h 00 – 16 h 00 (créneau actuel, places restantes : 8)",
                "vendredi 20 mars 2026, 16 h 30 – 18 h 30 (places restantes : 20)");
        assertThat(document.selectFirst("#f-persons").attr("value")).isEqualTo("2");

        HttpResponse<String> grown = postForm(manage + "/modifier", Map.of("csrf", changeCsrf(page), "persons", "4",
                "slot", slots.get(0)));
        assertThat(grown.statusCode()).isEqualTo(200);
        assertThat(grown.body()).contains("Votre inscription est modifiée");
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(0))).isEqualTo(4);

        register(slots.get(0), "autre@example.fr", 5, "fr"); // 9 of 10 now
        HttpResponse<String> tooMany = postForm(manage + "/modifier", Map.of("csrf", changeCsrf(grown), "persons", "6",
                "slot", slots.get(0)));
        assertThat(tooMany.statusCode()).isEqualTo(409);
        Document refused = Jsoup.parse(tooMany.body());
        assertThat(refused.selectFirst("#e-persons").text()).contains("il reste 1 place", "5 personnes au plus");
        assertThat(refused.selectFirst("#f-persons").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.selectFirst("#f-persons").attr("value")).isEqualTo("6");
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(0))).isEqualTo(9);

        List<MimeMessage> mails = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "hausse@example.fr", 2);
        assertThat(mails).hasSize(2);
        MimeMessage changed = mails.stream().filter(m -> subject(m).startsWith("Votre inscription est modifiée")).findFirst().orElseThrow();
        assertThat(Outbox.text(changed)).contains("Nombre de personnes : 4", "Consulter, modifier ou annuler");
        MimeMessage confirmation = mails.stream().filter(m -> subject(m).startsWith("Inscription confirmée")).findFirst().orElseThrow();
        assertThat(uid(Outbox.calendar(changed))).isEqualTo(uid(Outbox.calendar(confirmation)));
        assertThat(Outbox.calendar(changed)).contains("SEQUENCE:1");
        // the refused change sent nothing
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> Outbox.messagesTo(PLATFORM.dataFolder(), "hausse@example.fr").size() == 2);
    }

    @Test
    void inEnglishAMoveToAnotherSlotMovesThePlacesAndTheCalendarEventKeepsItsUidWithTheNewTime() throws Exception {
        List<String> slots = EventSheetFixtures.sheet(repository(), 6, List.of("public"), 10, 20);
        String manage = register(slots.get(0), "move@example.fr", 3, "en");

        HttpResponse<String> page = PLATFORM.get("/en" + manage);
        assertThat(page.body()).contains("Change my registration", "places left: 7");
        HttpResponse<String> moved = postForm("/en" + manage + "/modifier", Map.of("csrf", changeCsrf(page),
                "persons", "3", "slot", slots.get(1)));

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("Your registration has changed", "16:30");
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(0))).isZero();
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(1))).isEqualTo(3);
        List<MimeMessage> mails = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "move@example.fr", 2);
        MimeMessage changed = mails.stream().filter(m -> subject(m).startsWith("Your registration has changed")).findFirst().orElseThrow();
        MimeMessage confirmation = mails.stream().filter(m -> subject(m).startsWith("Registration confirmed")).findFirst().orElseThrow();
        assertThat(Outbox.text(changed)).contains("from 16:30 to 18:30", "Number of persons: 3");
        assertThat(Outbox.calendar(changed)).contains("DTSTART;TZID=Europe/Paris:20260320T163000",
                "DTEND;TZID=Europe/Paris:20260320T183000", "SEQUENCE:1");
        assertThat(uid(Outbox.calendar(changed))).isEqualTo(uid(Outbox.calendar(confirmation)));
        assertThat(Outbox.manageLink(changed).group(2)).isNotBlank();
        // the same link still leads to the registration, now on the other slot
        assertThat(PLATFORM.get("/en" + manage).body()).contains("16:30 – 18:30");
    }

    @Test
    void aReductionPromotesTheWaitingListWhoGetTheirPromotionEMail() throws Exception {
        List<String> slots = EventSheetFixtures.sheet(repository(), 6, List.of("public"), 6);
        String first = register(slots.get(0), "reduit@example.fr", 6, "fr");
        register(slots.get(0), "attente@example.fr", 2, "fr");
        assertThat(status(slots.get(0), "attente@example.fr")).isEqualTo("waitlisted");

        HttpResponse<String> reduced = patch(token(first), "{\"persons\":4}", "fr");

        assertThat(reduced.statusCode()).isEqualTo(200);
        assertThat(read(reduced).get("persons").asInt()).isEqualTo(4);
        assertThat(read(reduced).get("changed").asBoolean()).isTrue();
        assertThat(status(slots.get(0), "attente@example.fr")).isEqualTo("confirmed");
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(0))).isEqualTo(6);
        List<MimeMessage> promoted = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "attente@example.fr", 2);
        assertThat(promoted.stream().map(RegistrationChangeTest::subject)).anyMatch(s -> s.startsWith("Une place s'est libérée"));
    }

    @Test
    void aWaitingRegistrationMovesToASlotWithPlacesAndIsConfirmedThere() throws Exception {
        List<String> slots = EventSheetFixtures.sheet(repository(), 6, List.of("public"), 4, 10);
        register(slots.get(0), "plein@example.fr", 4, "fr");
        String waiting = register(slots.get(0), "deplace@example.fr", 3, "fr");

        HttpResponse<String> moved = patch(token(waiting), "{\"slot\":\"" + slots.get(1) + "\"}", "fr");

        assertThat(moved.statusCode()).isEqualTo(200);
        JsonNode json = read(moved);
        assertThat(json.get("status").asText()).isEqualTo("confirmed");
        assertThat(json.get("slot").get("id").asText()).isEqualTo(slots.get(1));
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(1))).isEqualTo(3);
        assertThat(EventSheetFixtures.registrations(repository(), slots.get(0))).hasSize(1);
        MimeMessage changed = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "deplace@example.fr", 2).stream()
                .filter(m -> subject(m).startsWith("Votre inscription est modifiée")).findFirst().orElseThrow();
        assertThat(Outbox.text(changed)).contains("confirmée", "de 16 h 30 à 18 h 30");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndTheSameValuesChangeNothing() throws Exception {
        List<String> slots = EventSheetFixtures.sheet(repository(), 6, List.of("public"), 10, 1);
        String manage = register(slots.get(0), "erreurs@example.fr", 2, "fr");
        String csrf = changeCsrf(PLATFORM.get(manage));

        HttpResponse<String> notANumber = postForm(manage + "/modifier", Map.of("csrf", csrf, "persons", "deux", "slot", slots.get(0)));
        HttpResponse<String> tooBig = postForm(manage + "/modifier", Map.of("csrf", csrf, "persons", "7", "slot", slots.get(0)));
        HttpResponse<String> unknownSlot = postForm(manage + "/modifier", Map.of("csrf", csrf, "persons", "2",
                "slot", "0b5e7c1a-1111-4222-8333-944455556666"));
        HttpResponse<String> fullSlot = postForm(manage + "/modifier", Map.of("csrf", csrf, "persons", "2", "slot", slots.get(1)));
        HttpResponse<String> same = postForm(manage + "/modifier", Map.of("csrf", csrf, "persons", "2", "slot", slots.get(0)));

        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(notANumber.body()).selectFirst("#e-persons").text()).isEqualTo("Ce champ doit être un nombre entier.");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tooBig.body()).selectFirst("#e-persons").text()).isEqualTo("Indiquez un nombre entre 1 et 6.");
        assertThat(unknownSlot.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unknownSlot.body()).selectFirst("#e-slot").text()).contains("Choisissez un autre créneau");
        assertThat(fullSlot.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(fullSlot.body()).selectFirst("#e-slot").text()).contains("il reste 1 place", "2 personnes");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.body()).contains("Rien n&#39;a changé");

        HttpResponse<String> textCount = patch(token(manage), "{\"persons\":\"3\",\"colour\":\"red\"}", "en");
        assertThat(textCount.statusCode()).isEqualTo(400);
        assertThat(read(textCount).get("errors").findValuesAsText("field")).contains("persons", "colour");
        assertThat(read(textCount).get("errors").toString()).contains("This field must be a whole number.");
        assertThat(patch(token(manage), "{\"persons\":2}", "fr").body()).contains("\"changed\":false");
        assertThat(PLATFORM.send(HttpRequest.newBuilder(PLATFORM.uri(API + token(manage)))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("persons=3"))
                .header("Content-Type", "application/x-www-form-urlencoded").build()).statusCode()).isEqualTo(415);

        assertThat(EventSheetFixtures.registrations(repository(), slots.get(0))).singleElement()
                .satisfies(r -> assertThat(r.persons()).isEqualTo(2));
        assertThat(EventSheetFixtures.registrations(repository(), slots.get(1))).isEmpty();
        // the confirmation only: the refused changes sent nothing
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> Outbox.messagesTo(PLATFORM.dataFolder(), "erreurs@example.fr").size() == 1);
    }

    @Test
    void aSchoolGroupChangesItsPupilsAndAdultsWithinTheGroupRules() throws Exception {
        List<String> slots = EventSheetFixtures.sheet(repository(), 40, List.of("school"), 60);
        String path = "/inscription/" + slots.get(0) + "/scolaire";
        Matcher csrf = CSRF.matcher(PLATFORM.get(path).body());
        assertThat(csrf.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf.group(1));
        fields.put("schoolName", "Collège Jean Moulin");
        fields.put("commune", "Lille");
        fields.put("level", "college");
        fields.put("persons", "24");
        fields.put("accompanyingAdults", "3");
        fields.put("teacherName", "Marc Durand");
        fields.put("email", "ecole@example.fr");
        fields.put("phone", "06 12 34 56 78");
        fields.put("consent", "true");
        Matcher link = MANAGE.matcher(postForm(path, fields).body());
        assertThat(link.find()).isTrue();
        String manage = link.group(1);

        Document page = Jsoup.parse(PLATFORM.get(manage).body());
        assertThat(page.selectFirst("label[for=f-persons]").text()).startsWith("Nombre d'élèves");
        assertThat(page.selectFirst("#f-accompanyingAdults").attr("value")).isEqualTo("3");
        HttpResponse<String> tooBig = patch(token(manage), "{\"persons\":36,\"accompanyingAdults\":5}", "fr");
        HttpResponse<String> changed = patch(token(manage), "{\"persons\":20,\"accompanyingAdults\":4}", "fr");

        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(read(tooBig).get("errors").get(0).get("field").asText()).isEqualTo("persons");
        assertThat(read(tooBig).get("message").asText()).contains("dépasse les 40 places");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(read(changed).get("persons").asInt()).isEqualTo(24);
        assertThat(read(changed).get("declaredPersons").asInt()).isEqualTo(20);
        assertThat(read(changed).get("accompanyingAdults").asInt()).isEqualTo(4);
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(0))).isEqualTo(24);
    }

    @Test
    void withoutTheFormTokenTheChangeIsRefusedWith403() {
        List<String> slots = EventSheetFixtures.sheet(repository(), 6, List.of("public"), 10);
        String manage = register(slots.get(0), "csrf@example.fr", 2, "fr");
        String cancelToken = CSRF.matcher(PLATFORM.get(manage).body()).results().map(m -> m.group(1))
                .filter(t -> !t.equals(changeCsrf(PLATFORM.get(manage)))).findFirst().orElse("forged");

        HttpResponse<String> missing = postForm(manage + "/modifier", Map.of("persons", "3"));
        HttpResponse<String> wrongForm = postForm(manage + "/modifier", Map.of("csrf", cancelToken, "persons", "3"));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("Ce formulaire a expiré");
        assertThat(wrongForm.statusCode()).isEqualTo(403);
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(0))).isEqualTo(2);
    }

    @Test
    void onceTheVisitStartedTheChangeIsRefusedWithAClearMessage() throws Exception {
        List<String> slots = EventSheetFixtures.sheet(repository(), 6, List.of("public"), 10, 10);
        String manage = register(slots.get(0), "tard@example.fr", 2, "fr");
        String csrf = changeCsrf(PLATFORM.get(manage));
        // the platform's clock says 10 February 2026, 10:00 in Paris: the visit started at 9:30
        EventSheetFixtures.reschedule(repository(), slots.get(0), ZonedDateTime.parse("2026-02-10T09:30:00+01:00[Europe/Paris]"));

        HttpResponse<String> page = PLATFORM.get(manage);
        HttpResponse<String> refused = postForm(manage + "/modifier", Map.of("csrf", csrf, "persons", "3", "slot", slots.get(1)));
        HttpResponse<String> api = patch(token(manage), "{\"persons\":3}", "en");

        assertThat(page.body()).doesNotContain("Modifier mon inscription");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("La visite a commencé : l&#39;inscription ne peut plus être modifiée en ligne.");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(read(api).get("code").asText()).isEqualTo("visitStarted");
        assertThat(read(api).get("message").asText()).isEqualTo("The visit has started: the registration can no longer be changed online.");
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slots.get(0))).isEqualTo(2);
        assertThat(EventSheetFixtures.registrations(repository(), slots.get(1))).isEmpty();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
