package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.SeedSitePlatform;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registration pages are pages of the site: the site's own head, skip link, header (brand, main navigation,
 * search, FR/EN switch to the same registration page) and footer, in French and English, never indexed nor
 * stored, with every value the visitor typed escaped.
 */
class RegistrationPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final PlatformExtension PLATFORM = SeedSitePlatform.duringSignUp();

    private static HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return PLATFORM.post(path, "application/x-www-form-urlencoded", body);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    /** Asserts the site's frame around a registration page of {@code path} (without language prefix) in {@code lang}. */
    private static Document assertFramed(HttpResponse<String> response, String lang, String path) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Content-Language")).hasValue(lang);
        Document page = Jsoup.parse(response.body());
        Document home = Jsoup.parse(PLATFORM.get(lang.equals("en") ? "/en/" : "/").body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo(lang);
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        // a personal page (its address may hold a signed token) shares neither its address nor sharing metadata
        assertThat(page.select("link[rel=canonical], link[hreflang], meta[property^=og:]")).isEmpty();
        assertThat(page.title()).endsWith(" – " + (lang.equals("en") ? "Open Factory Days" : "Journées Usines Ouvertes"));
        assertThat(page.selectFirst("a.skip-link").attr("href")).isEqualTo("#contenu");
        // the same header as every page: brand to this language's home, the main navigation, the search
        Element header = page.selectFirst("header.site-header");
        assertThat(header.selectFirst("a.brand").attr("href")).isEqualTo(lang.equals("en") ? "/en/" : "/");
        assertThat(header.select("nav.main-nav a")).isNotEmpty();
        assertThat(header.selectFirst("nav.main-nav").outerHtml()).isEqualTo(home.selectFirst("nav.main-nav").outerHtml());
        assertThat(header.selectFirst("form.site-search").attr("action")).isEqualTo(lang.equals("en") ? "/en/recherche" : "/recherche");
        // the language switch leads to the same registration page in the other language
        assertThat(header.selectFirst("nav.lang-switch a[hreflang=fr]").attr("href")).isEqualTo(path);
        assertThat(header.selectFirst("nav.lang-switch a[hreflang=en]").attr("href")).isEqualTo("/en" + path);
        assertThat(header.selectFirst("nav.lang-switch a[aria-current=true]").attr("hreflang")).isEqualTo(lang);
        assertThat(page.selectFirst("main#contenu h1")).isNotNull();
        assertThat(page.selectFirst("footer.site-footer").outerHtml()).isEqualTo(home.selectFirst("footer.site-footer").outerHtml());
        return page;
    }

    @Test
    void aFormCarriesTheSitesHeaderNavigationLanguageSwitchAndFooterInFrenchAndEnglish() {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 30, 6, "public", "school");
        String path = "/inscription/" + slot + "/grand-public";

        Document french = assertFramed(PLATFORM.get(path), "fr", path);
        Document english = assertFramed(PLATFORM.get("/en" + path), "en", path);
        Document school = assertFramed(PLATFORM.get("/en/inscription/" + slot + "/scolaire"), "en", "/inscription/" + slot + "/scolaire");

        assertThat(french.selectFirst("main h1").text()).isEqualTo(french.title().replace(" – Journées Usines Ouvertes", ""));
        assertThat(french.select("main form[method=post]").attr("action")).isEqualTo(path);
        assertThat(french.select("header.site-header nav.main-nav").text()).isNotEqualTo(english.select("header nav.main-nav").text());
        assertThat(english.select("main form[method=post]").attr("action")).isEqualTo("/en" + path);
        assertThat(english.select("footer.site-footer").text()).contains("Contact");
        assertThat(school.selectFirst("main h1").text()).isEqualTo("Register a school group");
    }

    @Test
    void aHostileValueComesBackEscapedInsideTheFrame() {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 30, 6, "public");
        String path = "/inscription/" + slot + "/grand-public";
        String hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";

        HttpResponse<String> response = postForm("/en" + path, Map.of("csrf", csrf(PLATFORM.get("/en" + path)),
                "name", hostile, "email", "not-an-address", "persons", "2"));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = assertFramed(response, "en", path);
        assertThat(response.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("onerror=alert(2)>")
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.getElementById("f-name").attr("value")).isEqualTo(hostile);
        assertThat(page.select("script").eachAttr("src")).noneMatch(src -> src.contains("alert"));
        assertThat(page.select("img[onerror]")).isEmpty();
        assertThat(page.selectFirst("#e-email").text()).isNotBlank();
        assertThat(EventSheetFixtures.registrations(PLATFORM.platform().repository(), slot)).isEmpty();
    }

    @Test
    void theConfirmationTheRegistrationAndTheMessagePagesAreFramedToo() {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 30, 6, "public");
        String path = "/inscription/" + slot + "/grand-public";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf(PLATFORM.get(path)));
        fields.put("name", "Nadia Benali");
        fields.put("email", "nadia.benali@example.fr");
        fields.put("persons", "2");
        fields.put("consent", "true");

        HttpResponse<String> confirmed = postForm(path, fields);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertFramed(confirmed, "fr", path);
        Matcher link = Pattern.compile("href=\"https?://[^/\"]+(/inscription/gestion/[^\"]+)\"").matcher(confirmed.body());
        assertThat(link.find()).isTrue();
        String manage = link.group(1);

        Document english = assertFramed(PLATFORM.get("/en" + manage), "en", manage);
        assertThat(english.selectFirst("main").text()).contains("Nadia Benali", "nadia.benali@example.fr");

        HttpResponse<String> unknown = PLATFORM.get("/inscription/" + slot + "/inconnu");
        assertThat(unknown.statusCode()).isEqualTo(404);
        Document message = assertFramed(unknown, "fr", "/inscription/" + slot + "/inconnu");
        assertThat(message.selectFirst("main a").attr("href")).isEqualTo("/");
        HttpResponse<String> expired = postForm("/en" + path, Map.of("name", "Nadia Benali"));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertFramed(expired, "en", path);
    }
}
