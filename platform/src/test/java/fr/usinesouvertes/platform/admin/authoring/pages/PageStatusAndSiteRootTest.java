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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over real HTTP: the status badge is right on the page that follows each action (save, publish, unpublish,
 * components, rename), in the page's screen, the page tree and a content app; the site root page offers no delete,
 * rename or move, and the server refuses them with a 409 and a French message.
 */
class PageStatusAndSiteRootTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");
    static AdminBrowser editor;

    @BeforeAll
    static void site() {
        editor = PLATFORM.staff();
        editor.get("/admin/pages/");
        assertThat(editor.post("/admin/pages/new", Map.of("parent", "/", "name", "accueil", "title", "Accueil",
                "template", "authoring-test:pages/standard")).statusCode()).isEqualTo(303);
        assertThat(editor.post("/admin/pages/new", Map.of("parent", "/", "name", "brouillons", "title", "Brouillons",
                "template", "authoring-test:pages/standard")).statusCode()).isEqualTo(303);
    }

    private static String badge(String path) {
        return Jsoup.parse(editor.get("/admin/pages/page?path=" + path.replace("/", "%2F")).body()).select(".badge").text();
    }

    private static String treeBadge(String name) {
        return Jsoup.parse(editor.get("/admin/pages/?open=%2Faccueil").body()).select("#p-" + name + " .badge").text();
    }

    private static void post(String path, Map<String, String> form) {
        HttpResponse<String> answer = editor.post(path, form);
        assertThat(answer.statusCode()).as(Jsoup.parse(answer.body()).select(".error-summary, .error").text())
                .isEqualTo(303);
    }

    private static Map<String, String> title(String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("title_en", "");
        return form;
    }

    @Test
    void theBadgeIsRightAfterEachActionOnAPage() {
        post("/admin/pages/new", Map.of("parent", "/accueil", "name", "presse", "title", "Presse",
                "template", "authoring-test:pages/standard"));
        assertThat(badge("/accueil/presse")).isEqualTo("Non publié");
        post("/admin/pages/publishing", Map.of("path", "/accueil", "action", "publish"));
        post("/admin/pages/publishing", Map.of("path", "/accueil/presse", "action", "publish"));
        assertThat(badge("/accueil/presse")).isEqualTo("Publié");
        assertThat(treeBadge("presse")).isEqualTo("Publié");

        post("/admin/pages/properties?path=%2Faccueil%2Fpresse", title("Salle de presse"));
        assertThat(badge("/accueil/presse")).isEqualTo("Modifié");
        assertThat(treeBadge("presse")).isEqualTo("Modifié");
        post("/admin/pages/publishing", Map.of("path", "/accueil/presse", "action", "publish"));
        assertThat(badge("/accueil/presse")).isEqualTo("Publié");

        post("/admin/pages/properties?path=%2Faccueil%2Fpresse", title("Salle de presse")); // saved unchanged
        assertThat(badge("/accueil/presse")).isEqualTo("Publié");

        post("/admin/pages/components", Map.of("path", "/accueil/presse", "area", "main",
                "template", "authoring-test:components/text", "action", "add"));
        assertThat(badge("/accueil/presse")).isEqualTo("Modifié");
        post("/admin/pages/publishing", Map.of("path", "/accueil/presse", "action", "publish"));
        assertThat(badge("/accueil/presse")).isEqualTo("Publié");
        Map<String, String> text = new LinkedHashMap<>(title("Bienvenue"));
        text.put("text", "<p>Bonjour</p>");
        text.put("text_en", "");
        post("/admin/pages/component?path=%2Faccueil%2Fpresse%2Fmain%2F0", text);
        assertThat(badge("/accueil/presse")).isEqualTo("Modifié");
        post("/admin/pages/publishing", Map.of("path", "/accueil/presse", "action", "publish"));
        post("/admin/pages/component?path=%2Faccueil%2Fpresse%2Fmain%2F0", text); // saved unchanged
        assertThat(badge("/accueil/presse")).isEqualTo("Publié");

        post("/admin/pages/publishing", Map.of("path", "/accueil/presse", "action", "unpublish"));
        assertThat(badge("/accueil/presse")).isEqualTo("Non publié");
        assertThat(treeBadge("presse")).isEqualTo("Non publié");
        post("/admin/pages/publishing", Map.of("path", "/accueil/presse", "action", "publish"));
        assertThat(badge("/accueil/presse")).isEqualTo("Publié");

        post("/admin/pages/rename", Map.of("path", "/accueil/presse", "name", "salle-de-presse"));
        assertThat(badge("/accueil/salle-de-presse")).isEqualTo("Modifié"); // the public still has the old address
        assertThat(PLATFORM.get("/presse").statusCode()).isEqualTo(200);
        post("/admin/pages/publishing", Map.of("path", "/accueil/salle-de-presse", "action", "publish"));
        assertThat(badge("/accueil/salle-de-presse")).isEqualTo("Publié");
        assertThat(PLATFORM.get("/salle-de-presse").statusCode()).isEqualTo(200);
        assertThat(PLATFORM.get("/presse").statusCode()).isEqualTo(404);

        assertThat(Jsoup.parse(editor.get("/admin/pages/page?path=%2Faccueil%2Fsalle-de-presse&lang=en").body())
                .select(".badge").text()).isEqualTo("Published");
    }

    @Test
    void theBadgeIsRightAfterEachActionOnAContentItem() {
        editor.get("/admin/content/news/new");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_name", "annonce");
        values.put("title", "Annonce");
        values.put("date", "2026-03-01T10:00");
        post("/admin/content/news/new", values);
        assertThat(itemBadge()).isEqualTo("Non publié");
        post("/admin/content/news/publishing", Map.of("path", "/annonce", "action", "publish"));
        assertThat(itemBadge()).isEqualTo("Publié");
        values.put("title", "Annonce modifiée");
        post("/admin/content/news/edit?path=%2Fannonce", values);
        assertThat(itemBadge()).isEqualTo("Modifié");
        assertThat(Jsoup.parse(editor.get("/admin/content/news/").body()).select("table.items .badge").text())
                .isEqualTo("Modifié");
        post("/admin/content/news/publishing", Map.of("path", "/annonce", "action", "publish"));
        assertThat(itemBadge()).isEqualTo("Publié");
        post("/admin/content/news/publishing", Map.of("path", "/annonce", "action", "unpublish"));
        assertThat(itemBadge()).isEqualTo("Non publié");
    }

    private static String itemBadge() {
        return Jsoup.parse(editor.get("/admin/content/news/edit?path=%2Fannonce").body()).select(".badge").text();
    }

    @Test
    void theSiteRootOffersNoDeleteRenameOrMoveAndTheServerRefusesThem() {
        Document root = Jsoup.parse(editor.get("/admin/pages/page?path=%2Faccueil").body());
        assertThat(root.select("a[href^=/admin/pages/delete]")).isEmpty();
        assertThat(root.select("form[action^=/admin/pages/rename], form[action^=/admin/pages/move]")).isEmpty();
        assertThat(root.select("#site-root-note").text()).startsWith("Page racine du site");
        Document other = Jsoup.parse(editor.get("/admin/pages/page?path=%2Fbrouillons").body());
        assertThat(other.select("a[href^=/admin/pages/delete]")).hasSize(1); // another top-level page is no site root
        assertThat(other.select("form[action^=/admin/pages/rename]")).hasSize(1);

        HttpResponse<String> delete = editor.post("/admin/pages/delete", Map.of("path", "/accueil"));
        HttpResponse<String> rename = editor.post("/admin/pages/rename", Map.of("path", "/accueil", "name", "maison"));
        HttpResponse<String> move = editor.post("/admin/pages/move", Map.of("path", "/accueil", "parent", "/brouillons"));
        HttpResponse<String> confirm = editor.get("/admin/pages/delete?path=%2Faccueil");
        HttpResponse<String> english = editor.post("/admin/pages/delete?lang=en", Map.of("path", "/accueil"));

        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(delete.body()).select(".error").text())
                .isEqualTo("La page racine du site ne peut pas être supprimée : toutes les adresses du site en dépendent.");
        assertThat(rename.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(rename.body()).select(".error").text()).contains("ne peut pas être renommée");
        assertThat(move.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(move.body()).select(".error").text()).contains("ne peut pas être déplacée");
        assertThat(confirm.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(english.body()).select(".error").text()).startsWith("The site's root page cannot be deleted");
        Boolean intact = PLATFORM.platform().repository().read(session -> session.nodeExists("/website/accueil")
                && !session.getNode("/website/accueil").isNodeType("mgnl:deleted"));
        assertThat(intact).isTrue();

        post("/admin/pages/new", Map.of("parent", "/brouillons", "name", "jetable", "title", "Jetable",
                "template", "authoring-test:pages/standard"));
        post("/admin/pages/delete", Map.of("path", "/brouillons/jetable"));
        post("/admin/pages/delete", Map.of("path", "/brouillons"));
    }
}
