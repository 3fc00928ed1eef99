package fr.usinesouvertes.platform.admin.authoring.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages app over real HTTP: an editor builds, edits, previews and publishes a page. By method name, so that
 * {@code /site}, created first, is the site root and {@code /autre} another top-level page that may be deleted.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class PagesServletTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");
    static AdminBrowser editor;

    @BeforeAll
    static void login() {
        editor = PLATFORM.staff(); // an editor, logged in
    }

    @Test
    void anEditorBuildsAPageWithComponentsPreviewsAndPublishesIt() {
        Document tree = Jsoup.parse(editor.get("/admin/pages/").body());
        assertThat(tree.select("#root-template option").eachAttr("value")).containsExactly("authoring-test:pages/standard",
                "authoring-test:pages/news-room");
        HttpResponse<String> created = editor.post("/admin/pages/new",
                Map.of("parent", "/", "name", "site", "title", "Accueil", "template", "authoring-test:pages/standard"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/pages/page?path=%2Fsite");
        editor.get("/admin/pages/page?path=%2Fsite");
        assertThat(editor.post("/admin/pages/new", Map.of("parent", "/site", "name", "presse", "title", "Presse",
                "template", "authoring-test:pages/standard")).statusCode()).isEqualTo(303);

        Document collapsed = Jsoup.parse(editor.get("/admin/pages/").body());
        assertThat(collapsed.select(".page-tree li code").eachText()).contains("/site").doesNotContain("/site/presse");
        String expand = collapsed.selectFirst("#p-site a.toggle").attr("href");
        assertThat(Jsoup.parse(editor.get(expand).body()).select(".page-tree li code").eachText()).contains("/site/presse");

        HttpResponse<String> added = editor.post("/admin/pages/components", Map.of("path", "/site", "area", "main",
                "template", "authoring-test:components/text", "action", "add"));
        assertThat(added.headers().firstValue("Location")).hasValue("/admin/pages/component?path=%2Fsite%2Fmain%2F0");
        Document dialog = Jsoup.parse(editor.get("/admin/pages/component?path=%2Fsite%2Fmain%2F0").body());
        assertThat(dialog.select("input#f-title, input#f-title_en, textarea#f-text, textarea#f-text_en")).hasSize(4);
        Map<String, String> text = new LinkedHashMap<>();
        text.put("title", "Bienvenue");
        text.put("title_en", "Welcome");
        text.put("text", "<p>Bonjour <script>alert(1)</script></p>");
        HttpResponse<String> saved = editor.post("/admin/pages/component?path=%2Fsite%2Fmain%2F0", text);
        assertThat(saved.statusCode()).isEqualTo(200); // saved, the dialog shown again saying what cleaning removed
        assertThat(Jsoup.parse(saved.body()).selectFirst("#f-text-notice").text()).contains("<script>");
        String stored = PLATFORM.platform().repository().read(session ->
                session.getNode("/website/site/main/0").getProperty("text").getString());
        assertThat(stored).isEqualTo("<p>Bonjour </p>"); // the text as typed, without the script

        Document page = Jsoup.parse(editor.get("/admin/pages/page?path=%2Fsite").body());
        assertThat(page.select("#components li").text()).contains("Texte").contains("Bienvenue");
        assertThat(page.select(".badge").text()).isEqualTo("Non publié");

        HttpResponse<String> preview = editor.get("/admin/pages/preview?path=%2Fsite");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Bienvenue");
        assertThat(PLATFORM.get("/").statusCode()).isEqualTo(404); // not published yet

        assertThat(editor.post("/admin/pages/publishing", Map.of("path", "/site", "action", "publish-all")).statusCode())
                .isEqualTo(303);
        assertThat(PLATFORM.get("/").body()).contains("Bienvenue");
        Document published = Jsoup.parse(editor.get("/admin/pages/page?path=%2Fsite").body());
        assertThat(published.select(".badge").text()).isEqualTo("Publié");
        assertThat(published.select("section[aria-labelledby=versions-title] tbody tr")).hasSize(1);

        text.put("title", "Bienvenue à tous");
        editor.post("/admin/pages/component?path=%2Fsite%2Fmain%2F0", text);
        assertThat(Jsoup.parse(editor.get("/admin/pages/page?path=%2Fsite").body()).select(".badge").text())
                .isEqualTo("Modifié");
        editor.post("/admin/pages/publishing", Map.of("path", "/site", "action", "publish"));
        Document compare = Jsoup.parse(editor.get("/admin/pages/compare?path=%2Fsite&a=1&b=2").body());
        assertThat(compare.select("table.differences td").eachText()).contains("Bienvenue", "Bienvenue à tous");
    }

    @Test
    void invalidDialogValuesAnswer422AndForbiddenComponentsAreRefused() {
        editor.get("/admin/pages/");
        editor.post("/admin/pages/new", Map.of("parent", "/", "name", "autre", "title", "Autre",
                "template", "authoring-test:pages/standard"));
        editor.get("/admin/pages/properties?path=%2Fautre");
        HttpResponse<String> refused = editor.post("/admin/pages/properties?path=%2Fautre", Map.of("title", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#f-title-error").text()).isEqualTo("Ce champ est obligatoire.");
        String title = PLATFORM.platform().repository().read(session ->
                session.getNode("/website/autre").getProperty("title").getString());
        assertThat(title).isEqualTo("Autre");
        HttpResponse<String> forbidden = editor.post("/admin/pages/components", Map.of("path", "/autre", "area", "main",
                "template", "authoring-test:components/all-fields", "action", "add"));
        assertThat(forbidden.statusCode()).isEqualTo(400);
        assertThat(forbidden.body()).contains("pas autorisé");
        HttpResponse<String> badName = editor.post("/admin/pages/new", Map.of("parent", "/autre", "name", "Pas bon",
                "title", "x", "template", "authoring-test:pages/standard"));
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("Nom invalide");
        assertThat(editor.post("/admin/pages/delete", Map.of("path", "/autre")).statusCode()).isEqualTo(303);
        Boolean exists = PLATFORM.platform().repository().read(session -> session.nodeExists("/website/autre"));
        assertThat(exists).isFalse();
    }

    @Test
    void theEditorSeesWhyAComponentCannotRenderInThePreviewAndTheSiteShowsNothing() {
        PLATFORM.platform().repository().write(session -> {
            javax.jcr.Node page = session.getNode("/website").addNode("cassee", "mgnl:page");
            page.setProperty("mgnl:template", "authoring-test:pages/standard");
            page.setProperty("title", "Cassée");
            page.addNode("main", "mgnl:area").addNode("0", "mgnl:component")
                    .setProperty("mgnl:template", "authoring-test:components/gone");
            return null;
        });
        Document preview = Jsoup.parse(editor.get("/admin/pages/preview?path=%2Fcassee").body());
        assertThat(preview.select(".render-problem[role=alert]").text())
                .isEqualTo("Ce composant ne peut pas être affiché (/cassee/main/0) : "
                        + "template definition 'authoring-test:components/gone' not found");
        PLATFORM.publishAll();
        assertThat(PLATFORM.get("/cassee").body()).doesNotContain("render-problem").contains("Cassée");
    }
}
