package fr.usinesouvertes.platform.admin.authoring.content;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The content apps over real HTTP, logged in through the real login. */
class ContentAppsServletTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");
    static final String PASSWORD = "correct horse battery";
    static AdminBrowser editor;

    @BeforeAll
    static void login() {
        PLATFORM.platform().accounts().create("usine@example.fr", "Usine", PASSWORD.toCharArray(),
                Set.of(Role.COMPANY), "colas");
        editor = PLATFORM.staff(); // an editor, logged in through the real login
    }

    @Test
    void anEditorCreatesEditsFindsAndDeletesAnItem() {
        assertThat(editor.get("/admin/content/").body()).contains("href=\"/admin/content/partners/\"").contains("Partenaires");
        Document form = Jsoup.parse(editor.get("/admin/content/partners/new").body());
        assertThat(form.select("select#f-role option").eachAttr("value")).contains("organiser", "regional");

        Map<String, String> values = new LinkedHashMap<>();
        values.put("_name", "");
        values.put("name", "Bpifrance");
        values.put("role", "regional");
        values.put("order", "2");
        HttpResponse<String> created = editor.post("/admin/content/partners/new", values);
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/content/partners/edit?path=%2Fbpifrance");
        Long order = PLATFORM.platform().repository().read(session -> session.getNode("/partners/bpifrance").getProperty("order").getLong());
        assertThat(order).isEqualTo(2L);

        Document edit = Jsoup.parse(editor.get("/admin/content/partners/edit?path=%2Fbpifrance").body());
        assertThat(edit.select("input#f-name").val()).isEqualTo("Bpifrance");
        assertThat(edit.select(".flash").text()).isEqualTo("Enregistré.");
        values.put("name", "Bpifrance Création");
        assertThat(editor.post("/admin/content/partners/edit?path=%2Fbpifrance", values).statusCode()).isEqualTo(303);

        Document list = Jsoup.parse(editor.get("/admin/content/partners/?q=creation").body());
        assertThat(list.select("table.items tbody tr")).hasSize(1);
        assertThat(list.select("table.items tbody tr td").eachText()).contains("Bpifrance Création", "regional");
        assertThat(Jsoup.parse(editor.get("/admin/content/partners/?q=nothing-like-it").body())
                .select("table.items tbody tr")).isEmpty();

        assertThat(editor.get("/admin/content/partners/delete?path=%2Fbpifrance").body()).contains("Confirmer la suppression");
        assertThat(editor.post("/admin/content/partners/delete", Map.of("path", "/bpifrance")).statusCode()).isEqualTo(303);
        Boolean exists = PLATFORM.platform().repository().read(session -> session.nodeExists("/partners/bpifrance"));
        assertThat(exists).isFalse();
    }

    @Test
    void invalidValuesAnswer422WithTheErrorsNextToTheFieldsAndCreateNothing() {
        editor.get("/admin/content/news/new");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_name", "mauvaise");
        values.put("title", "");
        values.put("date", "demain");
        values.put("body", "<p>ok</p>");
        HttpResponse<String> refused = editor.post("/admin/content/news/new", values);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#f-title", "#f-date");
        assertThat(page.select("#f-title-error").text()).isEqualTo("Ce champ est obligatoire.");
        assertThat(page.select("#f-date").val()).isEqualTo("demain");
        assertThat(page.select("#f-_name").val()).isEqualTo("mauvaise");
        Boolean exists = PLATFORM.platform().repository().read(session -> session.nodeExists("/news/mauvaise"));
        assertThat(exists).isFalse();
        HttpResponse<String> english = editor.post("/admin/content/news/new?lang=en", values);
        assertThat(Jsoup.parse(english.body()).select("#f-title-error").text()).isEqualTo("This field is required.");
    }

    @Test
    void withoutTheCsrfTokenOrTheRoleNothingHappens() {
        Map<String, String> values = Map.of("name", "Pirate", "role", "regional", "_name", "pirate");
        assertThat(editor.postRaw("/admin/content/partners/new", values).statusCode()).isEqualTo(403);
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("usine@example.fr", PASSWORD);
        assertThat(company.get("/admin/content/partners/").statusCode()).isEqualTo(403);
        assertThat(company.post("/admin/content/partners/new", values).statusCode()).isEqualTo(403);
        Boolean exists = PLATFORM.platform().repository().read(session -> session.nodeExists("/partners/pirate"));
        assertThat(exists).isFalse();
        assertThat(AdminBrowser.on(PLATFORM).get("/admin/content/partners/").statusCode()).isEqualTo(303);
    }

    @Test
    void anItemIsPreviewedFromItsDraftInThePageThatShowsIt() {
        PLATFORM.platform().repository().write(session -> {
            session.getNode("/website").addNode("salle", "mgnl:page").addNode("communiques", "mgnl:page")
                    .setProperty("mgnl:template", "authoring-test:pages/news-room");
            return null;
        });
        PLATFORM.platform().publishing().publish("setup", "website", "/salle", true);
        editor.get("/admin/content/news/new"); // the form, and its CSRF token
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_name", "embargo");
        values.put("title", "Sous embargo jusqu'à 10 h");
        values.put("date", "2026-03-01T10:00");
        HttpResponse<String> created = editor.post("/admin/content/news/new", values);
        assertThat(created.statusCode()).isEqualTo(303);

        Document edit = Jsoup.parse(editor.get("/admin/content/news/edit?path=%2Fembargo").body());
        assertThat(edit.select("a[href='/admin/content/news/preview?path=%2Fembargo']").text()).contains("Aperçu dans sa page");
        HttpResponse<String> preview = editor.get("/admin/content/news/preview?path=%2Fembargo");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(preview.body()).select("article h1").text()).isEqualTo("Sous embargo jusqu'à 10 h");
        assertThat(preview.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(PLATFORM.get("/communiques/embargo").statusCode()).as("not published: not on the site").isEqualTo(404);

        assertThat(editor.get("/admin/content/partners/preview?path=%2Fbpifrance").statusCode())
                .as("no page shows partners").isEqualTo(404);
        assertThat(editor.get("/admin/content/news/preview?path=%2Fnone").statusCode()).isEqualTo(404);
    }
}
