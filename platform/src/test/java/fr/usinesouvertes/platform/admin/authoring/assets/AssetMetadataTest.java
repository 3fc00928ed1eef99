package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.jcr.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An asset's metadata over real HTTP: title, alternative text, caption (French and English), credit and
 * language edited on the asset's screen, refused with the field named and nothing written, then used by the
 * site's templates (alt, caption, credit, in the page's language) and delivered by the Delivery API.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AssetMetadataTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/dam-modules"))
            .inMemory().setting("login-rate-limit", "0");
    static AdminBrowser editor;
    static AssetRequests requests;

    @BeforeAll
    static void photo() {
        editor = PLATFORM.staff();
        requests = new AssetRequests(PLATFORM, editor);
        editor.get("/admin/assets/");
        assertThat(editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "photos")).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/photos", "usine.png", AssetStoreTest.png(64, 48)).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/photos", "decor.png", AssetStoreTest.png(16, 16)).statusCode()).isEqualTo(303);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void anEditorDescribesAnImageAndTheSiteAndTheDeliveryApiUseIt() throws Exception {
        Document screen = Jsoup.parse(editor.get("/admin/assets/asset?path=%2Fphotos%2Fusine").body());
        assertThat(screen.selectFirst("h1").text()).isEqualTo("usine · Médiathèque");
        assertThat(screen.selectFirst("#f-title").val()).isEqualTo("usine");
        assertThat(screen.select(".asset-metadata label").eachText()).contains("Titre – Français", "Titre – English",
                "Texte alternatif – Français", "Texte alternatif – English", "Légende – Français", "Légende – English",
                "Crédit / droits", "Langue du fichier");
        assertThat(screen.select("#f-language option").eachAttr("value")).containsExactly("", "fr", "en", "de", "es", "it", "nl");
        assertThat(screen.selectFirst(".asset-facts").text()).contains("usine.png").contains("PNG").contains("64 × 48 px")
                .contains("pas encore publié");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Atelier de Santes");
        form.put("title_en", "Santes workshop");
        form.put("alternative", "Deux techniciennes devant une presse à enrobés");
        form.put("alternative_en", "Two technicians in front of an asphalt press");
        form.put("caption", "L'atelier de l'usine Colas de Santes");
        form.put("caption_en", "The Colas factory's workshop in Santes");
        form.put("copyright", "© Colas – photo J. Martin");
        form.put("focalPoint", "30 65");
        form.put("language", "");
        HttpResponse<String> saved = editor.post("/admin/assets/asset?path=%2Fphotos%2Fusine", form);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/assets/asset?path=%2Fphotos%2Fusine");
        screen = Jsoup.parse(editor.get("/admin/assets/asset?path=%2Fphotos%2Fusine").body());
        assertThat(screen.selectFirst(".flash").text()).isEqualTo("Enregistré.");
        assertThat(screen.selectFirst("#f-alternative").text()).isEqualTo("Deux techniciennes devant une presse à enrobés");
        assertThat(screen.selectFirst("#f-copyright").val()).isEqualTo("© Colas – photo J. Martin");

        String id = PLATFORM.platform().repository().read(session -> session.getNode("/dam/photos/usine").getIdentifier());
        String decor = PLATFORM.platform().repository().read(session -> session.getNode("/dam/photos/decor").getIdentifier());
        PLATFORM.platform().repository().write(session -> {
            Node site = session.getNode("/website").addNode("site", "mgnl:page");
            site.setProperty("mgnl:template", "dam-test:pages/standard");
            site.setProperty("title", "Accueil");
            Node main = site.addNode("main", "mgnl:area");
            Node image = main.addNode("0", "mgnl:component");
            image.setProperty("mgnl:template", "dam-test:components/image");
            image.setProperty("image", "jcr:" + id);
            Node plain = main.addNode("1", "mgnl:component");
            plain.setProperty("mgnl:template", "dam-test:components/image");
            plain.setProperty("image", "jcr:" + decor);
            return null;
        });
        PLATFORM.platform().publishing().publish("test", "website", "/site", false);
        editor.post("/admin/assets/publishing", Map.of("path", "/photos", "action", "publish-all", "folder", "/photos"));

        Document home = Jsoup.parse(PLATFORM.get("/").body());
        Element figure = home.selectFirst("figure.image");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("Deux techniciennes devant une presse à enrobés");
        assertThat(figure.selectFirst(".caption").text()).isEqualTo("L'atelier de l'usine Colas de Santes");
        assertThat(figure.selectFirst(".credit").text()).isEqualTo("© Colas – photo J. Martin");
        // cropped around its focal point; no rendition wider than the 64-pixel image, which is its own srcset entry
        Element img = figure.selectFirst("img");
        assertThat(img.attr("style")).isEqualTo("object-position: 30% 65%");
        assertThat(img.attr("srcset")).isEqualTo(img.attr("src") + " 64w");
        assertThat(img.attr("data-thumbnail")).isEqualTo(img.attr("src").replace("/usine.png", "/w320/usine.png"));
        assertThat(img.attr("data-rendition")).isEqualTo(img.attr("src").replace("/usine.png", "/w1600/usine.png"));
        Element decorative = home.select("figure.image").get(1);
        assertThat(decorative.selectFirst("img").attr("style")).isEqualTo("object-position: 50% 50%");
        assertThat(decorative.selectFirst("img").attr("alt")).isEmpty(); // no alternative text: decorative
        assertThat(decorative.select("figcaption")).isEmpty();
        Document english = Jsoup.parse(PLATFORM.get("/en/").body());
        assertThat(english.selectFirst("figure.image img").attr("alt")).isEqualTo("Two technicians in front of an asphalt press");
        assertThat(english.selectFirst("figure.image .caption").text()).isEqualTo("The Colas factory's workshop in Santes");
        assertThat(english.selectFirst("figure.image .credit").text()).isEqualTo("© Colas – photo J. Martin");

        JsonNode raw = JsonMapper.mapper().readTree(PLATFORM.get("/.rest/delivery/pages/v1/site?lang=all").body());
        JsonNode metadata = raw.at("/main/0/image/metadata");
        assertThat(metadata.get("title").asText()).isEqualTo("Atelier de Santes");
        assertThat(metadata.get("alternative").asText()).isEqualTo("Deux techniciennes devant une presse à enrobés");
        assertThat(metadata.get("alternative_en").asText()).isEqualTo("Two technicians in front of an asphalt press");
        assertThat(metadata.get("caption").asText()).isEqualTo("L'atelier de l'usine Colas de Santes");
        assertThat(metadata.get("copyright").asText()).isEqualTo("© Colas – photo J. Martin");
        assertThat(metadata.get("width").asLong()).isEqualTo(64);
        JsonNode localized = JsonMapper.mapper().readTree(PLATFORM.get("/.rest/delivery/pages/v1/site?lang=en").body())
                .at("/main/0/image/metadata");
        assertThat(localized.get("title").asText()).isEqualTo("Santes workshop");
        assertThat(localized.get("alternative").asText()).isEqualTo("Two technicians in front of an asphalt press");
        assertThat(localized.get("caption").asText()).isEqualTo("The Colas factory's workshop in Santes");
        assertThat(localized.has("alternative_en")).isFalse();
        assertThat(localized.get("copyright").asText()).isEqualTo("© Colas – photo J. Martin");
    }

    @Test
    @org.junit.jupiter.api.Order(2) // after the first test made its page the site's root
    void aLargeImageOffersItsRenditionsInItsSrcsetAndEachIsServed() throws Exception {
        assertThat(requests.upload("/photos", "grande.png", AssetStoreTest.png(1700, 900)).statusCode()).isEqualTo(303);
        PLATFORM.platform().publishing().publish("test", "dam", "/photos/grande", false);
        String id = PLATFORM.platform().repository().read(session -> session.getNode("/dam/photos/grande").getIdentifier());
        PLATFORM.platform().repository().write(session -> {
            Node page = session.getNode("/website").addNode("grande", "mgnl:page");
            page.setProperty("mgnl:template", "dam-test:pages/standard");
            page.setProperty("title", "Grande");
            Node image = page.addNode("main", "mgnl:area").addNode("0", "mgnl:component");
            image.setProperty("mgnl:template", "dam-test:components/image");
            image.setProperty("image", "jcr:" + id);
            return null;
        });
        PLATFORM.platform().publishing().publish("test", "website", "/grande", false);

        Element img = Jsoup.parse(PLATFORM.get("/grande").body()).selectFirst("figure.image img");
        String link = img.attr("src");
        assertThat(img.attr("srcset")).isEqualTo(link.replace("/grande.png", "/w320/grande.png") + " 320w, "
                + link.replace("/grande.png", "/w800/grande.png") + " 800w, "
                + link.replace("/grande.png", "/w1600/grande.png") + " 1600w, " + link + " 1700w");
        for (String candidate : img.attr("srcset").split(", ")) {
            HttpResponse<String> served = PLATFORM.get(candidate.substring(0, candidate.indexOf(' ')));
            assertThat(served.statusCode()).as(candidate).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
        }
    }

    @Test
    void invalidMetadataIsRefusedWithTheFieldsNamedAndNothingWritten() {
        editor.get("/admin/assets/asset?path=%2Fphotos%2Fdecor");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "x".repeat(201));
        form.put("copyright", "© quelqu'un");
        form.put("focalPoint", "150 20");
        form.put("language", "klingon");
        HttpResponse<String> refused = editor.post("/admin/assets/asset?path=%2Fphotos%2Fdecor", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#f-title", "#f-focalPoint",
                "#f-language");
        assertThat(page.selectFirst("#f-focalPoint-error").text()).isEqualTo("Deux pourcentages de 0 à 100, par exemple « 30 65 ».");
        assertThat(page.selectFirst("#f-title-error").text()).isEqualTo("200 caractères au plus (actuellement 201).");
        assertThat(page.selectFirst("#f-language-error").text()).isEqualTo("Choix inconnu.");
        assertThat(page.selectFirst("#f-copyright").val()).isEqualTo("© quelqu'un"); // kept for correction
        String stored = PLATFORM.platform().repository().read(session -> {
            Node asset = session.getNode("/dam/photos/decor");
            return asset.getProperty("title").getString() + "|" + asset.hasProperty("copyright");
        });
        assertThat(stored).isEqualTo("decor|false");

        HttpResponse<String> missing = editor.post("/admin/assets/asset?path=%2Fphotos%2Fnulle-part", Map.of("title", "x"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/assets/asset?path=%2F..%2Fwebsite").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/assets/asset?path=%2Fphotos").statusCode()).isEqualTo(404); // a folder
    }
}
