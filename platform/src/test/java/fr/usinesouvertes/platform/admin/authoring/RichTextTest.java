package fr.usinesouvertes.platform.admin.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.jcr.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rich text over real HTTP: a press release whose body holds an inline media-library image with its
 * alternative text, a link to a page and a table is saved unchanged, published, and rendered on the site with
 * the image served from /dam; what the sanitiser removes is said next to the field instead of vanishing;
 * the editor's pickers list the site's pages and the media library; the form is labelled from the messages.
 */
class RichTextTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");

    static AdminBrowser editor;
    static String imageLink;

    @BeforeAll
    static void site() {
        editor = PLATFORM.staff();
        String id = PLATFORM.platform().repository().write(session -> {
            Node page = session.getNode("/website").addNode("site", "mgnl:page");
            page.setProperty("mgnl:template", "authoring-test:pages/news-room");
            page.setProperty("title", "Salle de presse");
            Node factories = page.addNode("usines", "mgnl:page");
            factories.setProperty("mgnl:template", "authoring-test:pages/standard");
            factories.setProperty("title", "Les usines");
            Node asset = session.getNode("/dam").addNode("usine", "mgnl:asset");
            asset.setProperty("title", "Atelier de Santes");
            asset.setProperty("alternative", "Deux techniciennes devant une presse");
            Node resource = asset.addNode("jcr:content", "mgnl:resource");
            resource.setProperty("jcr:data", session.getValueFactory().createBinary(new ByteArrayInputStream(png())));
            resource.setProperty("jcr:mimeType", "image/png");
            resource.setProperty("fileName", "usine.png");
            return asset.getIdentifier();
        });
        imageLink = "/dam/jcr:" + id + "/usine.png";
        PLATFORM.platform().publishing().publish("setup", "website", "/site", true);
        PLATFORM.platform().publishing().publish("setup", "dam", "/usine", false);
    }

    static final String BODY = "<h2>Programme</h2><p>Rendez-vous dans <a href=\"/usines\">les usines</a> "
            + "et <a href=\"https://example.org/agenda\">l'agenda</a>.</p>"
            + "<p><img src=\"" + "%s" + "\" alt=\"Deux techniciennes devant une presse\"></p>"
            + "<blockquote><p>Venez nombreux.</p></blockquote>"
            + "<table><thead><tr><th scope=\"col\">Jour</th><th scope=\"col\">Usines</th></tr></thead>"
            + "<tbody><tr><td>Vendredi</td><td>400</td></tr></tbody></table>";

    @Test
    void aReleaseWithAnImageALinkAndATableSurvivesSavingAndShowsOnTheSite() throws Exception {
        String body = BODY.formatted(imageLink);
        editor.get("/admin/content/news/new");
        HttpResponse<String> saved = editor.post("/admin/content/news/new", release("programme", body));
        assertThat(saved.statusCode()).isEqualTo(303);
        String stored = PLATFORM.platform().repository().read(session ->
                session.getNode("/news/programme").getProperty("body").getString());
        // as written, with the page's id beside the link to it (a renamed page keeps its links)
        String usines = PLATFORM.platform().repository().read(session -> session.getNode("/website/site/usines").getIdentifier());
        assertThat(stored).isEqualTo(body.replace("<a href=\"/usines\">", "<a href=\"/usines\" data-page-id=\""
                + usines + "\">"));

        Document edit = Jsoup.parse(editor.get("/admin/content/news/edit?path=%2Fprogramme").body());
        assertThat(edit.select(".field-notice")).isEmpty();
        assertThat(edit.selectFirst("textarea#f-body").text()).isEqualTo(stored); // the link at its page's current address, with the id

        assertThat(editor.post("/admin/content/news/publishing", Map.of("path", "/programme", "action", "publish"))
                .statusCode()).isEqualTo(303);
        Element article = Jsoup.parse(PLATFORM.get("/programme").body()).selectFirst("article");
        Element image = article.selectFirst("img");
        assertThat(image.attr("src")).isEqualTo(imageLink);
        assertThat(image.attr("alt")).isEqualTo("Deux techniciennes devant une presse");
        assertThat(article.select("a").eachAttr("href")).containsExactly("/usines", "https://example.org/agenda");
        assertThat(article.select("table thead th[scope=col]").eachText()).containsExactly("Jour", "Usines");
        assertThat(article.select("table tbody td").eachText()).containsExactly("Vendredi", "400");
        assertThat(article.selectFirst("blockquote").text()).isEqualTo("Venez nombreux.");

        HttpResponse<String> file = PLATFORM.get(imageLink);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(PLATFORM.get("/usines").statusCode()).isEqualTo(200);
    }

    @Test
    void whatTheSanitiserRemovesIsSaidNextToTheFieldNotDroppedSilently() {
        String body = "<p style=\"color:red\">Bonjour<script>alert(1)</script></p>"
                + "<p><img src=\"https://tracker.example/pixel.gif\" alt=\"\"><a href=\"javascript:steal()\">lien</a></p>";
        editor.get("/admin/content/news/new");
        Map<String, String> form = release("nettoye", "<p>Texte</p>");
        form.put("body_en", body);
        HttpResponse<String> saved = editor.post("/admin/content/news/new", form);

        assertThat(saved.statusCode()).isEqualTo(200); // saved, and the form shown again with what was removed
        Document page = Jsoup.parse(saved.body());
        assertThat(page.selectFirst(".flash").text()).isEqualTo("Enregistré. Voir les remarques sous les champs.");
        assertThat(page.select("#f-body-notice")).isEmpty();
        Element notice = page.selectFirst("#f-body_en-notice");
        assertThat(notice.text()).contains("style (<p>)").contains("<script>")
                .contains("<img src=\"https://tracker.example/pixel.gif\">").contains("href=\"javascript:steal()\" (<a>)");
        assertThat(notice.parent().selectFirst("textarea#f-body_en")).isNotNull(); // next to its field
        String stored = PLATFORM.platform().repository().read(session ->
                session.getNode("/news/nettoye").getProperty("body_en").getString());
        assertThat(stored).isEqualTo("<p>Bonjour</p><p><a>lien</a></p>");
    }

    @Test
    void theEditorsPickersListTheSitesPagesAndTheMediaLibrary() throws Exception {
        JsonNode pages = JsonMapper.mapper().readTree(editor.get("/admin/pages/links.json").body());
        assertThat(pages.findValuesAsText("value")).contains("/", "/usines");
        assertThat(pages.findValuesAsText("title")).anySatisfy(t -> assertThat(t).contains("Les usines (/usines)"));

        JsonNode assets = JsonMapper.mapper().readTree(editor.get("/admin/assets/links.json").body());
        JsonNode image = assets.get(0);
        assertThat(image.get("value").asText()).isEqualTo(imageLink);
        assertThat(image.get("image").asBoolean()).isTrue();
        assertThat(image.get("alt").asText()).isEqualTo("Deux techniciennes devant une presse");
        assertThat(image.get("title").asText()).isEqualTo("Atelier de Santes (/usine)");

        assertThat(PLATFORM.get("/admin/pages/links.json").statusCode()).isNotEqualTo(200); // staff only
    }

    @Test
    void theEditorIsServedFromItsWebJarAndTheFormLoadsIt() {
        HttpResponse<String> script = PLATFORM.get("/admin/static/tinymce/tinymce.min.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
        assertThat(PLATFORM.get("/admin/static/tinymce/skins/ui/oxide/skin.min.css").statusCode()).isEqualTo(200);
        assertThat(PLATFORM.get("/admin/static/tinymce/license.md").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/admin/static/tinymce/%2e%2e/%2e%2e/admin.css").statusCode()).isIn(400, 404);
        assertThat(PLATFORM.get("/admin/static/rich-text.js").statusCode()).isEqualTo(200);

        Document form = Jsoup.parse(editor.get("/admin/content/news/new").body());
        assertThat(form.select("script[src]").eachAttr("src"))
                .containsExactly("/admin/static/picker-search.js", "/admin/static/tinymce/tinymce.min.js",
                        "/admin/static/rich-text.js");
        assertThat(form.select("textarea.rich-text").eachAttr("id")).containsExactly("f-body", "f-body_en");
    }

    @Test
    void theFormIsLabelledFromTheMessagesWithFrenchAndEnglishSideBySide() {
        Document fr = Jsoup.parse(editor.get("/admin/content/news/new").body());
        assertThat(fr.select("fieldset.i18n-field > legend").eachText()).containsExactly("Titre", "Texte")
                .doesNotContain("title", "body");
        assertThat(fr.select("fieldset.i18n-field:has(#f-body) label").eachText())
                .containsExactly("Texte – Français", "Texte – English");
        assertThat(fr.selectFirst("#f-body-hint").text()).startsWith("Intertitres, listes");
        assertThat(fr.selectFirst("label[for=f-date]").text()).startsWith("Date de publication");
        assertThat(fr.select("label, legend").eachText()).noneMatch(text -> text.matches("(title|body|attachments|date)\\b.*"));

        Document en = Jsoup.parse(editor.get("/admin/content/news/new?lang=en").body());
        assertThat(en.selectFirst("label[for=f-date]").text()).startsWith("Publication date");
        assertThat(en.select("fieldset.i18n-field:has(#f-body) > legend").text()).isEqualTo("Text");
    }

    private static Map<String, String> release(String name, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_name", name);
        form.put("title", "Programme 2026");
        form.put("date", "2026-02-11T09:00");
        form.put("body", body);
        return form;
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
