package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.SeedSitePlatform;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTML registration forms, without JavaScript: GET the form, POST it, see errors or the confirmation, cancel. */
class RegistrationPagesServletTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final PlatformExtension PLATFORM = SeedSitePlatform.duringSignUp();

    private static ContentRepository repository() {
        return PLATFORM.platform().repository();
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return PLATFORM.post(path, "application/x-www-form-urlencoded", body);
    }

    @Test
    void theFormHasLabelsTheDataNoticeAHiddenHoneypotAndACsrfToken() {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public", "school", "franceTravail");

        HttpResponse<String> french = PLATFORM.get("/inscription/" + slot + "/grand-public");
        HttpResponse<String> school = PLATFORM.get("/en/inscription/" + slot + "/scolaire");

        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(french.body()).contains("<html lang=\"fr\"", "<label for=\"f-name\">Nom et prénom", "<label for=\"f-email\">",
                "<label for=\"f-persons\">", "<label for=\"f-consent\">", "Vos données personnelles",
                "conservées jusqu&#39;à la fin de l&#39;édition", "aria-hidden=\"true\"", "name=\"website\"", "Site de Santes");
        assertThat(csrf(french)).isNotBlank();
        assertThat(school.body()).contains("<html lang=\"en\"", "Register a school group", "Number of pupils",
                "Do not give any pupil&#39;s", "<select id=\"f-level\"", "Friday 20 March 2026");
        assertThat(PLATFORM.get("/inscription/" + slot + "/inconnu").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/inscription/0b5e7c1a-1111-4222-8333-944455556666/grand-public").statusCode()).isEqualTo(404);
    }

    @Test
    void aFormWithErrorsComesBackAs400WithTheMessagesAndTheValuesKeptEscaped() {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public");
        String path = "/inscription/" + slot + "/grand-public";
        String token = csrf(PLATFORM.get(path));

        HttpResponse<String> response = postForm(path, Map.of("csrf", token, "name", "<script>alert(1)</script>",
                "email", "pas-une-adresse", "persons", "12"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("role=\"alert\"", "Adresse e-mail invalide.", "aria-describedby=\"e-email\"",
                "id=\"e-email\"", "aria-describedby=\"e-persons\"", "aria-describedby=\"e-consent\"",
                "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", "value=\"pas-une-adresse\"");
        assertThat(response.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(EventSheetFixtures.registrations(repository(), slot)).isEmpty();
    }

    @Test
    void aValidFormConfirmsAndTheLinkedPageCancels() {
        String slot = EventSheetFixtures.slot(repository(), 30, 40, "public", "school");
        String path = "/inscription/" + slot + "/scolaire";
        String token = csrf(PLATFORM.get(path));

        HttpResponse<String> confirmed = postForm(path, form("csrf", token, "schoolName", "Collège Jean Moulin",
                "commune", "Lille", "level", "college", "persons", "24", "accompanyingAdults", "3",
                "teacherName", "Marc Durand", "email", "marc.durand@example.fr", "phone", "06 12 34 56 78",
                "transportFunding", "true", "consent", "true", "website", ""));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Votre inscription est confirmée", "marc.durand@example.fr");
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slot)).isEqualTo(27);
        Matcher link = Pattern.compile("href=\"https?://[^/\"]+(/inscription/gestion/[^\"]+)\"").matcher(confirmed.body());
        assertThat(link.find()).isTrue();

        HttpResponse<String> manage = PLATFORM.get(link.group(1));
        assertThat(manage.statusCode()).isEqualTo(200);
        assertThat(manage.body()).contains("Mon inscription", "Confirmée", "Marc Durand");
        assertThat(postForm(link.group(1), Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        // the page has two forms (change, cancel), each with its token
        String cancelToken = org.jsoup.Jsoup.parse(manage.body()).selectFirst("form[action=" + link.group(1) + "] input[name=csrf]")
                .attr("value");
        HttpResponse<String> cancelled = postForm(link.group(1), Map.of("csrf", cancelToken));
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("Votre inscription est annulée", "Annulée");
        assertThat(EventSheetFixtures.confirmedPersons(repository(), slot)).isZero();
    }

    @Test
    void aPostWithoutAValidCsrfTokenIsRefusedAndStoresNothing() {
        String slot = EventSheetFixtures.slot(repository(), 30, 6, "public", "school");
        String path = "/inscription/" + slot + "/grand-public";
        Map<String, String> fields = Map.of("name", "Nadia Benali", "email", "nadia@example.fr", "persons", "2", "consent", "true");
        String otherFormToken = csrf(PLATFORM.get("/inscription/" + slot + "/scolaire"));

        HttpResponse<String> missing = postForm(path, fields);
        HttpResponse<String> otherForm = postForm(path, Map.of("csrf", otherFormToken, "name", "Nadia Benali",
                "email", "nadia@example.fr", "persons", "2", "consent", "true"));
        HttpResponse<String> json = PLATFORM.post(path, "application/json", "{}");

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("Ce formulaire a expiré");
        assertThat(otherForm.statusCode()).isEqualTo(403);
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(EventSheetFixtures.registrations(repository(), slot)).isEmpty();
    }
}
