package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.Map;
import javax.jcr.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Where used" over real HTTP: the pages and content items naming an asset by its id (link fields), by its
 * link in rich text or by its path are listed on its screen with a link to edit each; deleting a used asset
 * or folder warns with that list, deleting an unused one does not.
 */
class AssetUsagesTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/dam-modules"))
            .inMemory().setting("login-rate-limit", "0");
    static AdminBrowser editor;
    static String kit;
    static String logo;

    @BeforeAll
    static void content() {
        editor = PLATFORM.staff();
        AssetRequests requests = new AssetRequests(PLATFORM, editor);
        editor.get("/admin/assets/");
        assertThat(editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "presse")).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/presse", "kit.pdf", AssetRequests.pdf("kit")).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/presse", "logo.png", AssetStoreTest.png(20, 20)).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/presse", "orphelin.pdf", AssetRequests.pdf("orphelin")).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/presse", "inutile.pdf", AssetRequests.pdf("inutile")).statusCode()).isEqualTo(303);
        kit = id("/presse/kit");
        logo = id("/presse/logo");
        PLATFORM.platform().repository().write(session -> {
            Node site = session.getNode("/website").addNode("site", "mgnl:page");
            site.setProperty("mgnl:template", "dam-test:pages/standard");
            site.setProperty("title", "Accueil");
            Node press = site.addNode("espace-presse", "mgnl:page");
            press.setProperty("mgnl:template", "dam-test:pages/standard");
            press.setProperty("title", "Espace presse");
            press.setProperty("folder", "/presse"); // names the folder by its path
            Node main = site.addNode("main", "mgnl:area");
            Node image = main.addNode("0", "mgnl:component");
            image.setProperty("mgnl:template", "dam-test:components/image");
            image.setProperty("image", "jcr:" + logo);
            Node text = main.addNode("1", "mgnl:component");
            text.setProperty("mgnl:template", "dam-test:components/text");
            text.setProperty("text", "<p>Le <a href=\"/dam/jcr:" + kit + "/kit.pdf\">kit</a> est en ligne.</p>");
            Node release = session.getNode("/releases").addNode("communique-2026", "mgnl:content");
            release.setProperty("title", "Communiqué 2026");
            release.setProperty("attachments", new String[] {"jcr:" + kit});
            release.setProperty("body", "<p><img src=\"/dam/presse/logo.png\" alt=\"\"></p>"); // by path
            Node other = session.getNode("/releases").addNode("sans-fichier", "mgnl:content");
            other.setProperty("title", "Sans fichier");
            other.setProperty("body", "<p>/dam/presse/kit-2 n'existe pas ; " + kit.substring(0, 8) + "</p>");
            return null;
        });
    }

    @Test
    void anAssetsScreenListsThePagesAndItemsUsingItWithLinksToEditThem() {
        Document screen = Jsoup.parse(editor.get("/admin/assets/asset?path=%2Fpresse%2Fkit").body());
        assertThat(screen.selectFirst("#usages-title").text()).isEqualTo("Utilisé par (2)");
        assertThat(screen.select(".usages li a").eachText()).containsExactly("Accueil", "Communiqué 2026");
        assertThat(screen.select(".usages li a").eachAttr("href")).containsExactly("/admin/pages/page?path=%2Fsite",
                "/admin/content/releases/edit?path=%2Fcommunique-2026");
        assertThat(screen.select(".usages li").eachText()).containsExactly("Accueil page /site · champ main/1/text",
                "Communiqué 2026 contenu releases /communique-2026 · champ attachments");

        Document logoScreen = Jsoup.parse(editor.get("/admin/assets/asset?path=%2Fpresse%2Flogo").body());
        assertThat(logoScreen.select(".usages li").eachText()).containsExactly("Accueil page /site · champ main/0/image",
                "Communiqué 2026 contenu releases /communique-2026 · champ body");
        Document english = Jsoup.parse(editor.get("/admin/assets/asset?path=%2Fpresse%2Flogo&lang=en").body());
        assertThat(english.selectFirst("#usages-title").text()).isEqualTo("Used by (2)");
        assertThat(english.select(".usages li a").eachAttr("href")).containsExactly("/admin/pages/page?path=%2Fsite&lang=en",
                "/admin/content/releases/edit?path=%2Fcommunique-2026&lang=en");

        Document orphan = Jsoup.parse(editor.get("/admin/assets/asset?path=%2Fpresse%2Forphelin").body());
        assertThat(orphan.selectFirst("#usages-title").text()).isEqualTo("Utilisé par (0)");
        assertThat(orphan.selectFirst(".usages p").text()).isEqualTo("Aucune page ni aucun contenu n'utilise ce fichier.");
    }

    @Test
    void deletingAUsedAssetOrFolderWarnsWithWhatUsesItAndAnUnusedOneDoesNot() {
        Document used = Jsoup.parse(editor.get("/admin/assets/delete?path=%2Fpresse%2Fkit").body());
        assertThat(used.selectFirst(".warning").text())
                .startsWith("Attention : 2 page(s) ou contenu(s) utilisent ce qui va être supprimé.");
        assertThat(used.select(".warning li").eachText()).containsExactly("Accueil /site (/presse/kit)",
                "Communiqué 2026 /communique-2026 (/presse/kit)");
        assertThat(used.selectFirst("button.danger").text()).isEqualTo("Supprimer quand même");

        Document folder = Jsoup.parse(editor.get("/admin/assets/delete?path=%2Fpresse").body());
        assertThat(folder.select(".warning li").eachText()).containsExactly("Espace presse /site/espace-presse (/presse)",
                "Accueil /site (/presse/logo, /presse/kit)", "Communiqué 2026 /communique-2026 (/presse/kit, /presse/logo)");

        Document unused = Jsoup.parse(editor.get("/admin/assets/delete?path=%2Fpresse%2Finutile").body());
        assertThat(unused.select(".warning")).isEmpty();
        assertThat(unused.selectFirst("button.danger").text()).isEqualTo("Supprimer");
        assertThat(editor.post("/admin/assets/delete", Map.of("path", "/presse/inutile")).statusCode()).isEqualTo(303);
        Boolean exists = PLATFORM.platform().repository().read(session -> session.nodeExists("/dam/presse/inutile"));
        assertThat(exists).isFalse();
        assertThat(editor.get("/admin/assets/delete?path=%2Fpresse%2Finutile").statusCode()).isEqualTo(404);
    }

    private static String id(String path) {
        return PLATFORM.platform().repository().read(session -> session.getNode("/dam" + path).getIdentifier());
    }
}
