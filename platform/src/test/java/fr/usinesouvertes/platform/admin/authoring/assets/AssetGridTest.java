package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The media library's grid over real HTTP: folders navigation with breadcrumbs, search by name or title
 * (accents and case ignored) below a folder, several files uploaded in one form (all or none), one file per
 * request answered in JSON for the page's script.
 */
class AssetGridTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/dam-modules"))
            .inMemory().setting("login-rate-limit", "0");
    static AdminBrowser editor;
    static AssetRequests requests;

    @BeforeAll
    static void library() {
        editor = PLATFORM.staff();
        requests = new AssetRequests(PLATFORM, editor);
        editor.get("/admin/assets/");
        editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "usines"));
        editor.post("/admin/assets/folder", Map.of("folder", "/usines", "name", "hauts-de-france"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Usine de Santes.png", AssetStoreTest.png(30, 20));
        files.put("plan-acces.pdf", AssetRequests.pdf("plan"));
        assertThat(requests.upload("/usines/hauts-de-france", files).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/usines", "visite.pdf", AssetRequests.pdf("visite")).statusCode()).isEqualTo(303);
        editor.get("/admin/assets/asset?path=%2Fusines%2Fvisite");
        editor.post("/admin/assets/asset?path=%2Fusines%2Fvisite", Map.of("title", "Déroulé de la VISITE à Santes"));
    }

    @Test
    void foldersAreNavigatedThroughCardsAndBreadcrumbs() {
        Document root = Jsoup.parse(editor.get("/admin/assets/").body());
        assertThat(root.select(".crumbs li").eachText()).containsExactly("Médiathèque");
        assertThat(root.select(".folder-card .card-title").eachText()).contains("usines");
        Document usines = Jsoup.parse(editor.get(root.select(".folder-card a").stream()
                .filter(a -> a.text().equals("usines")).findFirst().orElseThrow().attr("href")).body());
        assertThat(usines.select(".crumbs li").eachText()).containsExactly("Médiathèque", "usines");
        assertThat(usines.selectFirst(".crumbs [aria-current=page]").text()).isEqualTo("usines");
        assertThat(usines.select(".asset-card .card-title").eachText()).containsExactly("hauts-de-france",
                "Déroulé de la VISITE à Santes"); // folders first
        Document region = Jsoup.parse(editor.get("/admin/assets/?folder=%2Fusines%2Fhauts-de-france").body());
        assertThat(region.select(".crumbs a").eachAttr("href")).containsExactly("/admin/assets/?folder=%2F",
                "/admin/assets/?folder=%2Fusines");
        assertThat(region.select(".asset-card .card-title").eachText()).containsExactly("Usine de Santes", "plan-acces");
        assertThat(region.select(".asset-card a.card-link").eachAttr("href")).containsExactly(
                "/admin/assets/asset?path=%2Fusines%2Fhauts-de-france%2Fusine-de-santes",
                "/admin/assets/asset?path=%2Fusines%2Fhauts-de-france%2Fplan-acces");
        assertThat(region.selectFirst(".asset-card img").attr("src")).contains("/w320/");
        assertThat(region.select(".asset-card .file-icon").eachText()).containsExactly("PDF");
        assertThat(editor.get("/admin/assets/?folder=%2Fnulle-part").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/assets/?folder=%2F..%2Fwebsite").statusCode()).isEqualTo(404);
    }

    @Test
    void theSearchFindsFilesByNameOrTitleBelowTheFolderIgnoringAccentsAndCase() {
        Document santes = Jsoup.parse(editor.get("/admin/assets/?folder=%2F&q=SANTES").body());
        assertThat(santes.select(".asset-card .card-title").eachText()).containsExactlyInAnyOrder("Usine de Santes",
                "Déroulé de la VISITE à Santes");
        assertThat(santes.selectFirst("[role=status]").text()).isEqualTo("2 fichier(s) trouvé(s)");
        assertThat(santes.select(".asset-card .card-meta").eachText()).contains("/usines/hauts-de-france · PNG · 1 Ko");
        assertThat(Jsoup.parse(editor.get("/admin/assets/?folder=%2F&q=deroule").body()).select(".asset-card .card-title")
                .eachText()).containsExactly("Déroulé de la VISITE à Santes"); // "é" found by "e"
        assertThat(Jsoup.parse(editor.get("/admin/assets/?folder=%2Fusines%2Fhauts-de-france&q=visite").body())
                .select(".asset-card")).isEmpty(); // only below the folder
        assertThat(Jsoup.parse(editor.get("/admin/assets/?folder=%2F&q=acces").body()).select(".asset-card .card-title")
                .eachText()).containsExactly("plan-acces");
        Document none = Jsoup.parse(editor.get("/admin/assets/?folder=%2F&q=introuvable").body());
        assertThat(none.selectFirst("[role=status]").text()).isEqualTo("0 fichier(s) trouvé(s)");
        assertThat(none.select("form.upload-form")).isEmpty(); // uploads go to a folder, not to search results
    }

    @Test
    void severalFilesInOneFormAreStoredTogetherOrNotAtAll() {
        editor.get("/admin/assets/");
        editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "lot"));
        Map<String, byte[]> good = new LinkedHashMap<>();
        good.put("a.pdf", AssetRequests.pdf("a"));
        good.put("b.png", AssetStoreTest.png(5, 5));
        good.put("c.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> stored = requests.upload("/lot", good);
        assertThat(stored.statusCode()).isEqualTo(303);
        assertThat(stored.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("uo_flash=3+fichiers+ajout"));
        assertThat(Jsoup.parse(editor.get("/admin/assets/?folder=%2Flot").body()).select(".asset-card .card-title").eachText())
                .containsExactly("a", "b", "c");

        Map<String, byte[]> mixed = new LinkedHashMap<>();
        mixed.put("d.pdf", AssetRequests.pdf("d"));
        mixed.put("piege.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = requests.upload("/lot", mixed);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).selectFirst("p.error").text()).startsWith("« piege.svg » : SVG refusé");
        Boolean stored2 = PLATFORM.platform().repository().read(session -> session.nodeExists("/dam/lot/d"));
        assertThat(stored2).isFalse(); // nothing of a refused batch
    }

    @Test
    void thePageScriptSendsOneFileAndGetsJson() throws Exception {
        editor.get("/admin/assets/");
        editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "script"));
        HttpResponse<String> created = requests.uploadAsScript("/script", "Photo été.png", AssetStoreTest.png(8, 8));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = JsonMapper.mapper().readTree(created.body());
        assertThat(body.get("path").asText()).isEqualTo("/script/photo-ete");
        assertThat(body.get("title").asText()).isEqualTo("Photo été");
        assertThat(body.get("id").asText()).startsWith("jcr:");
        assertThat(body.get("screen").asText()).isEqualTo("/admin/assets/asset?path=%2Fscript%2Fphoto-ete");

        HttpResponse<String> refused = requests.uploadAsScript("/script", "faux.png", "pas une image".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = JsonMapper.mapper().readTree(refused.body());
        assertThat(error.get("code").asText()).isEqualTo("invalidFile");
        assertThat(error.get("message").asText()).startsWith("« faux.png » : Type de fichier refusé");
        HttpResponse<String> noFolder = requests.uploadAsScript("/absent", "a.pdf", AssetRequests.pdf("a"));
        assertThat(noFolder.statusCode()).isEqualTo(404);
        assertThat(JsonMapper.mapper().readTree(noFolder.body()).get("code").asText()).isEqualTo("notFound");
    }

    @Test
    void aLargeFolderIsShownSixtyFilesAPage() {
        PLATFORM.platform().repository().write(session -> {
            javax.jcr.Node folder = session.getNode("/dam").addNode("archives", "mgnl:folder");
            for (int i = 1; i <= 65; i++) {
                javax.jcr.Node asset = folder.addNode(String.format("photo-%02d", i), "mgnl:asset");
                javax.jcr.Node file = asset.addNode("jcr:content", "mgnl:resource");
                file.setProperty("fileName", String.format("photo-%02d.pdf", i));
                file.setProperty("jcr:mimeType", "application/pdf");
                file.setProperty("jcr:data", session.getValueFactory().createBinary(
                        new java.io.ByteArrayInputStream(AssetRequests.pdf("p" + i))));
            }
            return null;
        });
        Document first = Jsoup.parse(editor.get("/admin/assets/?folder=%2Farchives").body());
        assertThat(first.select(".asset-card")).hasSize(60);
        assertThat(first.selectFirst(".pager span").text()).isEqualTo("1–60 sur 65");
        assertThat(first.select(".pager a").eachText()).containsExactly("Suivants →");
        Document second = Jsoup.parse(editor.get(first.selectFirst(".pager a").attr("href")).body());
        assertThat(second.select(".asset-card .card-title").eachText()).containsExactly("photo-61", "photo-62", "photo-63",
                "photo-64", "photo-65");
        assertThat(second.select(".pager a").eachText()).containsExactly("← Précédents");
        assertThat(editor.get("/admin/assets/?folder=%2Farchives&offset=abc").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(editor.get("/admin/assets/?folder=%2Farchives&offset=9999").body()).select(".asset-card"))
                .hasSize(5);
        Document search = Jsoup.parse(editor.get("/admin/assets/?folder=%2Farchives&q=photo").body());
        assertThat(search.selectFirst("[role=status]").text()).isEqualTo("65 fichier(s) trouvé(s)");
        assertThat(search.selectFirst(".pager a").attr("href")).isEqualTo("/admin/assets/?folder=%2Farchives&q=photo&offset=60");
    }

    @Test
    void theScriptIsServedFromTheBackOffice() {
        HttpResponse<String> script = PLATFORM.get("/admin/static/assets.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.body()).contains("X-CSRF-Token");
        assertThat(PLATFORM.get("/admin/static/other.js").statusCode()).isIn(302, 303, 404);
    }
}
