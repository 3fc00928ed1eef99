package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slot's state shows before any form: places left, the waiting list, when sign-up opens, over; a group
 * larger than the places left hears how many remain and chooses fewer persons or the waiting list.
 */
class SlotStatesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    /** 15 January 2026: school groups may sign up (since 1 December), the public not yet (31 January). */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-15T09:00:00Z"));

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().clock(CLOCK).setting("registration-rate-limit", "0").modules(new EventsModule());

    @Test
    void thePageSaysWhenSignUpOpensFullAndOverBeforeAnyForm() {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 10, 10, "public", "school");
        String site = sitePath(slot);

        Document before = Jsoup.parse(PLATFORM.get(site).body());
        String text = before.select("#slot-" + slot).text();
        assertThat(text).contains("Les inscriptions du grand public ouvrent le 31 janvier 2026");
        assertThat(before.select("#slot-" + slot + " a[href$=/grand-public]")).isEmpty();
        assertThat(before.select("#slot-" + slot + " a[href$=/scolaire]").text()).isEqualTo("Inscrire une classe");
        HttpResponse<String> closedForm = PLATFORM.get("/inscription/" + slot + "/grand-public");
        assertThat(closedForm.body()).contains("ouvrent le 31 janvier 2026").doesNotContain("name=\"csrf\"");
        assertThat(Jsoup.parse(PLATFORM.get("/en" + site).body()).select("#slot-" + slot).text())
                .contains("Registration for the general public opens on 31 January 2026");

        assertThat(post(slot, "scolaire", 9, false).statusCode()).isEqualTo(200); // 9 pupils and a teacher fill it
        Document full = Jsoup.parse(PLATFORM.get(site).body());
        assertThat(full.select("#slot-" + slot + " a[href$=/scolaire]").text()).isEqualTo("Liste d'attente (classe)");
        assertThat(full.select("#slot-" + slot).text()).contains("Complet");

        CLOCK.advance(Duration.ofDays(65)); // 21 March: the Friday visit is over
        Document over = Jsoup.parse(PLATFORM.get(site).body());
        assertThat(over.select("#slot-" + slot).text()).contains("Terminé");
        assertThat(over.select("#slot-" + slot + " a.button")).isEmpty();
        CLOCK.advance(Duration.ofDays(-65));
    }

    @Test
    void aGroupLargerThanThePlacesLeftChoosesFewerPersonsOrTheWaitingList() {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 12, 12, "school");
        assertThat(post(slot, "scolaire", 9, false).statusCode()).isEqualTo(200); // 10 seats with the teacher

        HttpResponse<String> tooMany = post(slot, "scolaire", 5, false); // 6 seats
        assertThat(tooMany.statusCode()).isEqualTo(409);
        Document form = Jsoup.parse(tooMany.body());
        assertThat(form.select("#e-persons").text()).contains("Il ne reste que 2 places sur ce créneau pour vos 6 personnes");
        assertThat(form.select("input[name=persons]").val()).isEqualTo("5");
        assertThat(form.select("input[name=waitingList][type=checkbox]")).hasSize(1);
        assertThat(EventSheetFixtures.registrations(PLATFORM.platform().repository(), slot)).hasSize(1);

        HttpResponse<String> waiting = post(slot, "scolaire", 5, true);
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(waiting.body()).select("h1").text()).isEqualTo("Vous êtes sur la liste d'attente");
        HttpResponse<String> fewer = post(slot, "scolaire", 1, false); // 2 seats
        assertThat(Jsoup.parse(fewer.body()).select("h1").text()).isEqualTo("Votre inscription est confirmée");
    }

    private static String sitePath(String slot) {
        String slug = PLATFORM.platform().repository().read(session ->
                session.getNodeByIdentifier(slot).getParent().getParent().getName());
        return "/usines/" + slug;
    }

    private static HttpResponse<String> post(String slot, String kind, int persons, boolean waitingList) {
        String path = "/inscription/" + slot + "/" + kind;
        Matcher matcher = CSRF.matcher(PLATFORM.get(path).body());
        assertThat(matcher.find()).as("form of " + path).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", matcher.group(1));
        fields.put("schoolName", "Collège Jean Moulin");
        fields.put("commune", "Santes");
        fields.put("level", "college");
        fields.put("persons", String.valueOf(persons));
        fields.put("accompanyingAdults", "1");
        fields.put("teacherName", "Mme Durand");
        fields.put("email", "prof" + System.nanoTime() + "@example.fr");
        fields.put("phone", "0601020304");
        fields.put("consent", "true");
        if (waitingList) {
            fields.put("waitingList", "true");
        }
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return PLATFORM.post(path, "application/x-www-form-urlencoded", body);
    }
}
