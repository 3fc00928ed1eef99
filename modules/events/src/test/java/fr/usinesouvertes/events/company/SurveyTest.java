package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The survey of the day after the visit, over real HTTP and SMTP with the platform's clock moved by hand: the e-mail
 * comes the day after the visit (not on the day), to the families checked in present (not the no-show, not the waiting
 * family) and to the whole class of a slot nobody checked in, in the registrant's language; the company gets its
 * follow-up with the recruitment-needs link; the survey is answered without an account (CSRF token, refused fields
 * named, a second answer replaces the first), a forged token or another link's is refused; the company sees its own
 * sites' results only, the organisers every site, both as CSV.
 */
class SurveyTest {

    static final GreenMail SMTP = LocalSmtp.start();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-10-01T08:00:00Z"));
    private static final Pattern SURVEY = Pattern.compile("https://journees-usines-ouvertes\\.fr(/en)?/enquete/([A-Za-z0-9_.-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .clock(CLOCK)
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("public-url", "https://journees-usines-ouvertes.fr")
            .setting("reminder-days", "none")
            .setting("reminder-interval", "1")
            .setting("cluster-job-lease", "3")
            .modules(new EventsModule());

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void theSurveyComesTheDayAfterIsAnsweredWithoutAnAccountAndEachSeesItsOwnResults() throws Exception {
        CancellationFixtures.PublishedSheet alpha = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha",
                "alpha@fonderie.example.fr", "Fonderie Alpha de Santes");
        CancellationFixtures.PublishedSheet beta = CancellationFixtures.publishedSheet(PLATFORM, "Tissage Beta",
                "beta@tissage.example.fr", "Tissage Beta de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, alpha, "alpha.example.fr");
        CancellationFixtures.issueRegistrations(PLATFORM, beta, "beta.example.fr");
        // at Alpha's Saturday gate: the Martin and Smith families came, the Nguyen family did not
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("alpha@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        List<String> saturday = CancellationFixtures.registrationIds(PLATFORM, alpha.saturdaySlot());
        String checkIns = "{\"operations\": ["
                + op(alpha.saturdaySlot(), saturday.get(0), "present", 5) + ", "
                + op(alpha.saturdaySlot(), saturday.get(1), "present", 6) + ", "
                + op(alpha.saturdaySlot(), saturday.get(2), "absent", 0) + "]}";
        assertThat(post(company, "/admin/pointage/sync", checkIns).statusCode()).isEqualTo(200);

        // Saturday 21 March, noon: Friday's class gets its survey (its slot was never checked in); Saturday's not yet
        CLOCK.set(Instant.parse("2026-03-21T11:00:00Z"));
        MimeMessage classSurvey = awaitSurvey("classe@alpha.example.fr");
        assertThat(classSurvey.getSubject()).isEqualTo("Votre avis sur la visite de Fonderie Alpha");
        assertThat(surveys("martin@alpha.example.fr")).isEmpty();

        // Sunday 22 March: the families checked in present, each in their language; not the no-show nor the waiting one
        CLOCK.set(Instant.parse("2026-03-22T08:00:00Z"));
        MimeMessage martin = awaitSurvey("martin@alpha.example.fr");
        MimeMessage smith = awaitSurvey("smith@alpha.example.fr");
        assertThat(smith.getSubject()).isEqualTo("Your opinion of the visit to Fonderie Alpha");
        assertThat(text(smith)).contains("/en/enquete/", "Thank you for visiting Fonderie Alpha");
        MimeMessage followUp = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> to("alpha@fonderie.example.fr"), found -> !found.isEmpty()).get(0);
        assertThat(followUp.getSubject()).isEqualTo("Merci pour votre visite 2026 – Fonderie Alpha de Santes");
        String followUpText = text(followUp);
        assertThat(followUpText).contains("11 personne(s)", "https://journees-usines-ouvertes.fr/admin/avis/",
                "https://journees-usines-ouvertes.fr/admin/entreprise/sites/" + alpha.slug() + "/recrutement");
        Thread.sleep(3_500); // more looks of the job: still one e-mail each, none for the others
        assertThat(surveys("nguyen@alpha.example.fr")).isEmpty();
        assertThat(surveys("jones@alpha.example.fr")).isEmpty();
        assertThat(surveys("martin@alpha.example.fr")).hasSize(1);
        assertThat(to("alpha@fonderie.example.fr")).hasSize(1);

        // answered without an account, through the link
        String martinLink = link(martin);
        HttpResponse<String> form = get(martinLink);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Votre avis sur la visite", "Recommanderiez-vous cette visite ?")
                .doesNotContain("orientation");
        String csrf = csrf(form.body());
        assertThat(postForm(martinLink, "rating=5&recommend=yes").statusCode()).as("no form token").isEqualTo(403);
        HttpResponse<String> refused = postForm(martinLink, "csrf=" + enc(csrf) + "&rating=9&recommend=peut-etre&comment="
                + "x".repeat(2_001));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"e-rating\"", "id=\"e-recommend\"", "id=\"e-comment\"",
                "Choisissez une note de 1 à 5.");
        HttpResponse<String> answered = postForm(martinLink, "csrf=" + enc(csrf)
                + "&rating=5&recommend=yes&interests=trades&interests=production&comment=" + enc("Visite passionnante"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Merci pour vos réponses");
        // a second answer replaces the first
        assertThat(postForm(martinLink, "csrf=" + enc(csrf) + "&rating=4&recommend=yes&interests=trades&comment="
                + enc("Visite passionnante")).statusCode()).isEqualTo(200);
        assertThat(get(martinLink).body()).contains("Vous avez déjà répondu", "value=\"4\" checked");
        String classLink = link(classSurvey);
        HttpResponse<String> classForm = get(classLink);
        assertThat(classForm.body()).contains("orientation");
        assertThat(postForm(classLink, "csrf=" + enc(csrf(classForm.body())) + "&rating=3&recommend=no&orientation=yes")
                .statusCode()).isEqualTo(200);
        String betaLink = link(awaitSurvey("classe@beta.example.fr"));
        assertThat(postForm(betaLink, "csrf=" + enc(csrf(get(betaLink).body()))
                + "&rating=2&recommend=no&orientation=no&comment=" + enc("Commentaire chez Beta")).statusCode())
                .isEqualTo(200);

        // forged, altered or another link's token: refused
        String token = martinLink.substring(martinLink.lastIndexOf('/') + 1);
        String[] parts = token.split("\\.");
        assertThat(get(martinLink.replace(token, parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2]))
                .statusCode()).isEqualTo(404);
        assertThat(get(martinLink.substring(0, martinLink.length() - 2) + "xx").statusCode()).isEqualTo(404);
        assertThat(get("https://journees-usines-ouvertes.fr/enquete/bm90LWEtdG9rZW4.99999999999.c2lnbmF0dXJl")
                .statusCode()).isEqualTo(404);

        // the company sees its own sites' answers, with the comments; not Beta's (logged in again: the clock moved on)
        company = AdminBrowser.on(PLATFORM);
        company.login("alpha@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        HttpResponse<String> results = company.get("/admin/avis/?edition=2026");
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body()).contains("Fonderie Alpha de Santes", "Visite passionnante", "3.5 / 5")
                .doesNotContain("Tissage", "Commentaire chez Beta");
        String csv = company.get("/admin/avis/resultats.csv?edition=2026").body();
        assertThat(csv).contains("Visite passionnante").doesNotContain("Beta");
        assertThat(company.get("/admin/avis/?edition=deux-mille").statusCode()).isEqualTo(400);
        assertThat(company.get("/admin/enquetes/").statusCode()).as("the organisers' app").isIn(403, 404);

        // the organisers see every site, by audience, site and region
        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation",
                "mot de passe des organisateurs".toCharArray(), Set.of(Role.ADMIN), null);
        AdminBrowser organisers = AdminBrowser.on(PLATFORM);
        organisers.login("organisation@example.fr", "mot de passe des organisateurs");
        HttpResponse<String> all = organisers.get("/admin/enquetes/?edition=2026");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("Fonderie Alpha – Fonderie Alpha de Santes", "Tissage Beta – Tissage Beta de Santes",
                "Hauts-de-France").doesNotContain("Visite passionnante");
        String allCsv = organisers.get("/admin/enquetes/resultats.csv?edition=2026").body();
        assertThat(allCsv.lines().count()).isEqualTo(4); // the header and three answers
        assertThat(allCsv).contains("Tissage Beta", "Commentaire chez Beta");
        assertThat(organisers.get("/admin/enquetes/resultats.csv?edition=1999").statusCode()).isEqualTo(400);
    }

    private static String op(String slot, String registration, String type, int persons) {
        return "{\"type\": \"" + type + "\", \"slot\": \"" + slot + "\", \"registration\": \"" + registration + "\""
                + (persons > 0 ? ", \"persons\": " + persons : "") + "}";
    }

    private static HttpResponse<String> post(AdminBrowser browser, String path, String json) throws Exception {
        String page = browser.get("/admin/pointage/").body();
        int at = page.indexOf("data-csrf=\"") + "data-csrf=\"".length();
        return PLATFORM.http().send(HttpRequest.newBuilder(PLATFORM.uri(path))
                .header("Cookie", browser.cookieHeader()).header("X-CSRF-Token", page.substring(at, page.indexOf('"', at)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The link's path on the test platform. */
    private static java.net.URI local(String link) {
        return PLATFORM.uri(link.replace("https://journees-usines-ouvertes.fr", ""));
    }

    private static HttpResponse<String> get(String link) throws Exception {
        return PLATFORM.http().send(HttpRequest.newBuilder(local(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String link, String body) throws Exception {
        return PLATFORM.http().send(HttpRequest.newBuilder(local(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a form token in the page").isTrue();
        return matcher.group(1).replace("&#61;", "=");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String link(MimeMessage message) {
        Matcher matcher = SURVEY.matcher(text(message));
        assertThat(matcher.find()).as("a survey link in the e-mail").isTrue();
        return matcher.group();
    }

    /** The text part of an e-mail, decoded. */
    private static String text(jakarta.mail.Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<MimeMessage> surveys(String address) {
        return to(address).stream().filter(message -> {
            try {
                return message.getSubject().startsWith("Votre avis") || message.getSubject().startsWith("Your opinion");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static MimeMessage awaitSurvey(String address) {
        return Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> surveys(address), found -> !found.isEmpty()).get(0);
    }
}
