package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.publishing.PublicationStatus;
import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Publishing folders of the media library over real HTTP: a folder with everything in it (its parent folders
 * published as needed), unpublished with everything in it, statuses of folders counting what is not online,
 * and refusals in French with nothing changed.
 */
class AssetFolderPublishingTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/dam-modules"))
            .inMemory().setting("login-rate-limit", "0");
    static AdminBrowser editor;
    static AssetRequests requests;
    static Publishing publishing;

    @BeforeAll
    static void login() {
        editor = PLATFORM.staff();
        requests = new AssetRequests(PLATFORM, editor);
        publishing = PLATFORM.platform().publishing();
    }

    @Test
    void aFolderIsPublishedWithEverythingInItAndItsParentFoldersThenUnpublished() {
        editor.get("/admin/assets/");
        folder("/", "communication");
        folder("/communication", "presse");
        folder("/communication/presse", "photos");
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        pdfs.put("Dossier de presse.pdf", AssetRequests.pdf("dossier"));
        pdfs.put("Communiqué.pdf", AssetRequests.pdf("communique"));
        assertThat(requests.upload("/communication/presse", pdfs).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/communication/presse/photos", "usine.png", AssetStoreTest.png(40, 30)).statusCode())
                .isEqualTo(303);
        assertThat(requests.upload("/communication", "brouillon.pdf", AssetRequests.pdf("autre")).statusCode()).isEqualTo(303);
        List<String> links = publicLinks("/communication/presse/dossier-de-presse", "/communication/presse/communique",
                "/communication/presse/photos/usine");
        links.forEach(link -> assertThat(PLATFORM.get(link).statusCode()).as(link).isEqualTo(404));

        Document presse = Jsoup.parse(editor.get("/admin/assets/?folder=%2Fcommunication%2Fpresse").body());
        assertThat(presse.selectFirst(".folder-publishing h2").text()).contains("presse").contains("Non publié");
        HttpResponse<String> published = editor.post("/admin/assets/publishing",
                Map.of("path", "/communication/presse", "action", "publish-all", "folder", "/communication/presse"));
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(published.headers().firstValue("Location")).hasValue("/admin/assets/?folder=%2Fcommunication%2Fpresse");
        presse = Jsoup.parse(editor.get("/admin/assets/?folder=%2Fcommunication%2Fpresse").body());
        assertThat(presse.selectFirst(".flash").text()).isEqualTo("Dossier publié avec tout son contenu.");
        assertThat(presse.select(".asset-card .badge").eachText()).containsOnly("Publié");

        links.forEach(link -> assertThat(PLATFORM.get(link).statusCode()).as(link).isEqualTo(200));
        assertThat(publishing.status("dam", "/communication")).isEqualTo(PublicationStatus.PUBLISHED); // the parent folder
        assertThat(publishing.status("dam", "/communication/brouillon")).isEqualTo(PublicationStatus.DRAFT); // not inside
        Document communication = Jsoup.parse(editor.get("/admin/assets/?folder=%2Fcommunication").body());
        assertThat(communication.selectFirst(".folder-publishing").text()).contains("Contenu à publier")
                .contains("1 fichier(s) ou dossier(s) de ce dossier ne sont pas en ligne tels quels.");
        assertThat(communication.select(".folder-card .badge").eachText()).containsExactly("Publié");

        assertThat(editor.post("/admin/assets/publishing", Map.of("path", "/communication/presse", "action", "unpublish"))
                .headers().firstValue("Location")).hasValue("/admin/assets/?folder=%2Fcommunication%2Fpresse");
        assertThat(Jsoup.parse(editor.get("/admin/assets/?folder=%2Fcommunication%2Fpresse").body()).selectFirst(".flash")
                .text()).isEqualTo("Dossier dépublié avec tout son contenu.");
        links.forEach(link -> assertThat(PLATFORM.get(link).statusCode()).as(link).isEqualTo(404));
        assertThat(publishing.status("dam", "/communication/presse/photos/usine")).isEqualTo(PublicationStatus.DRAFT);
        assertThat(publishing.status("dam", "/communication")).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void aFolderCardPublishesTheFolderFromItsParentListingInEnglishToo() {
        editor.get("/admin/assets/");
        folder("/", "kits");
        assertThat(requests.upload("/kits", "kit.pdf", AssetRequests.pdf("kit")).statusCode()).isEqualTo(303);
        Document root = Jsoup.parse(editor.get("/admin/assets/?lang=en").body());
        assertThat(root.select(".folder-card .card-title").eachText()).contains("kits");
        assertThat(root.select(".folder-card button[value=publish-all]").eachText())
                .contains("Publish with contents: kits");
        HttpResponse<String> answer = editor.post("/admin/assets/publishing?lang=en",
                Map.of("path", "/kits", "action", "publish-all", "folder", "/"));
        assertThat(answer.headers().firstValue("Location")).hasValue("/admin/assets/?folder=%2F&lang=en");
        assertThat(Jsoup.parse(editor.get("/admin/assets/?lang=en").body()).selectFirst(".flash").text())
                .isEqualTo("Folder published with everything in it.");
        assertThat(PLATFORM.get(publicLinks("/kits/kit").get(0)).statusCode()).isEqualTo(200);
    }

    @Test
    void refusalsAreInFrenchNameWhatToDoAndChangeNothing() {
        PLATFORM.platform().repository().write(session -> {
            var site = session.getNode("/website").addNode("site", "mgnl:page");
            site.setProperty("mgnl:template", "dam-test:pages/standard");
            var sub = site.addNode("rubrique", "mgnl:page");
            sub.setProperty("mgnl:template", "dam-test:pages/standard");
            return null;
        });
        editor.get("/admin/pages/");
        HttpResponse<String> page = editor.post("/admin/pages/publishing", Map.of("path", "/site/rubrique", "action", "publish"));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(page.body()).selectFirst("p.error").text())
                .isEqualTo("Publiez d'abord la page ou l'élément au-dessus de /site/rubrique.");
        assertThat(publishing.status("website", "/site/rubrique")).isEqualTo(PublicationStatus.DRAFT);

        HttpResponse<String> missing = editor.post("/admin/assets/publishing", Map.of("path", "/nulle-part", "action", "publish-all"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).selectFirst("p.error").text()).isEqualTo("Fichier introuvable.");
        HttpResponse<String> bad = editor.post("/admin/assets/publishing", Map.of("path", "/../website", "action", "publish-all"));
        assertThat(bad.statusCode()).isEqualTo(404);
        folder("/", "vide");
        HttpResponse<String> unknown = editor.post("/admin/assets/publishing", Map.of("path", "/vide", "action", "tout"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unknown.body()).selectFirst("p.error").text()).isEqualTo("Action inconnue.");
        assertThat(publishing.status("dam", "/vide")).isEqualTo(PublicationStatus.DRAFT);
    }

    private static void folder(String parent, String name) {
        assertThat(editor.post("/admin/assets/folder", Map.of("folder", parent, "name", name)).statusCode()).isEqualTo(303);
    }

    /** The public links of assets, from the ids the repository gives them. */
    static List<String> publicLinks(String... paths) {
        return PLATFORM.platform().repository().read(session -> {
            List<String> links = new java.util.ArrayList<>();
            for (String path : paths) {
                var asset = session.getNode("/dam" + path);
                links.add("/dam/jcr:" + asset.getIdentifier() + "/" + asset.getNode("jcr:content").getProperty("fileName").getString());
            }
            return links;
        });
    }
}
