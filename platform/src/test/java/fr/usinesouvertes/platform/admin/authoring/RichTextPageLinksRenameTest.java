package fr.usinesouvertes.platform.admin.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.jcr.Node;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over real HTTP: a press release links to the factories' page; the page is renamed; the release's public page and
 * its form in the back office and its Delivery API answer link to the new address, and an anchor in the link is kept.
 */
class RichTextPageLinksRenameTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");

    static AdminBrowser editor;

    @BeforeAll
    static void site() {
        PLATFORM.platform().reviews().setDirectPublishing("setup", Set.of("news", "website"));
        PLATFORM.platform().repository().write(session -> {
            Node room = session.getNode("/website").addNode("site", "mgnl:page");
            room.setProperty("mgnl:template", "authoring-test:pages/news-room");
            room.setProperty("title", "Salle de presse");
            Node factories = room.addNode("usines", "mgnl:page");
            factories.setProperty("mgnl:template", "authoring-test:pages/standard");
            factories.setProperty("title", "Les usines");
            return null;
        });
        PLATFORM.platform().publishing().publish("setup", "website", "/site", true);
        editor = PLATFORM.staff();
    }

    @Test
    void aRenamedPageKeepsTheLinksToIt() {
        editor.get("/admin/content/news/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_name", "programme");
        form.put("title", "Le programme");
        form.put("date", "2026-02-11T09:00");
        form.put("body", "<p>Voir <a href=\"/usines#carte\">la carte des usines</a>.</p>");
        HttpResponse<String> saved = editor.post("/admin/content/news/new", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        String pageId = PLATFORM.platform().repository().read(session -> session.getNode("/website/site/usines").getIdentifier());
        String stored = PLATFORM.platform().repository().read(session ->
                session.getNode("/news/programme").getProperty("body").getString());
        assertThat(stored).contains("data-page-id=\"" + pageId + "\"");

        PLATFORM.platform().repository().write(session -> {
            session.move("/website/site/usines", "/website/site/les-usines");
            return null;
        });
        PLATFORM.platform().publishing().publish("setup", "website", "/site/les-usines", false);
        PLATFORM.platform().publishing().publish("setup", "news", "/programme", false);

        String release = PLATFORM.get("/programme").body();
        assertThat(Jsoup.parse(release).selectFirst("article a").attr("href")).isEqualTo("/les-usines#carte");
        String delivered = PLATFORM.get("/.rest/delivery/news/v1/programme").body();
        assertThat(delivered).contains("href=\\\"/les-usines#carte\\\"").doesNotContain("href=\\\"/usines");
        String edit = editor.get("/admin/content/news/edit?path=%2Fprogramme").body();
        assertThat(Jsoup.parse(edit).selectFirst("#f-body").text()).contains("href=\"/les-usines#carte\"");
    }
}
