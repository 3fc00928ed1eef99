package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.publishing.PublicationStatus;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.jcr.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replacing an asset's file over real HTTP: same node, id and links; the drafts' thumbnails at once, the public
 * file and renditions once published; a refused file leaves the asset as it was.
 */
class AssetReplaceTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/dam-modules"))
            .inMemory().setting("login-rate-limit", "0");

    @Test
    void aReplacedFileKeepsItsIdAndLinksAndItsRenditionsAreMadeAgain() throws Exception {
        AdminBrowser editor = PLATFORM.staff();
        AssetRequests requests = new AssetRequests(PLATFORM, editor);
        editor.get("/admin/assets/");
        assertThat(editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "photos")).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/photos", "usine.png", AssetStoreTest.png(1000, 500)).statusCode()).isEqualTo(303);
        String id = PLATFORM.platform().repository().read(session -> session.getNode("/dam/photos/usine").getIdentifier());
        editor.post("/admin/assets/asset?path=%2Fphotos%2Fusine", Map.of("title", "Vue de l'usine", "alternative", "L'usine vue du ciel"));
        PLATFORM.platform().repository().write(session -> {
            Node site = session.getNode("/website").addNode("site", "mgnl:page");
            site.setProperty("mgnl:template", "dam-test:pages/standard");
            Node image = site.addNode("main", "mgnl:area").addNode("0", "mgnl:component");
            image.setProperty("mgnl:template", "dam-test:components/image");
            image.setProperty("image", "jcr:" + id);
            return null;
        });
        PLATFORM.platform().publishing().publish("test", "website", "/site", false);
        editor.post("/admin/assets/publishing", Map.of("path", "/photos", "action", "publish-all", "folder", "/photos"));
        String link = "/dam/jcr:" + id + "/usine.png";
        String rendition = "/dam/jcr:" + id + "/w320/usine.png";
        String draftRendition = "/admin/assets/draft/jcr:" + id + "/w320/usine.png";
        assertThat(size(bytes(rendition, null))).isEqualTo("320x160");
        String oldEtag = PLATFORM.get(link).headers().firstValue("ETag").orElseThrow();
        assertThat(Jsoup.parse(PLATFORM.get("/").body()).selectFirst("figure img").attr("src")).isEqualTo(link);

        editor.get("/admin/assets/asset?path=%2Fphotos%2Fusine");
        HttpResponse<String> replaced = requests.replace("/photos/usine", "nouvelle-vue.jpg", jpeg(400, 400));
        assertThat(replaced.statusCode()).isEqualTo(303);
        assertThat(replaced.headers().firstValue("Location")).hasValue("/admin/assets/asset?path=%2Fphotos%2Fusine");
        assertThat(replaced.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("uo_flash=Fichier+remplac"));
        Document screen = Jsoup.parse(editor.get("/admin/assets/asset?path=%2Fphotos%2Fusine").body());
        assertThat(screen.selectFirst(".asset-facts").text()).contains("usine.jpg").contains("JPEG").contains("400 × 400 px")
                .contains("jcr:" + id);
        assertThat(screen.selectFirst("#f-alternative").text()).isEqualTo("L'usine vue du ciel"); // metadata kept
        assertThat(PLATFORM.platform().publishing().status("dam", "/photos/usine")).isEqualTo(PublicationStatus.MODIFIED);
        PLATFORM.platform().repository().read(session -> {
            Node asset = session.getNodeByIdentifier(id);
            assertThat(asset.getPath()).isEqualTo("/dam/photos/usine");
            assertThat(asset.getNode("jcr:content").getProperty("jcr:mimeType").getString()).isEqualTo("image/jpeg");
            assertThat(asset.getNode("jcr:content").getProperty("fileName").getString()).isEqualTo("usine.jpg");
            return null;
        });
        // the drafts' thumbnail at once (under any file name: the name in a link is informative)
        assertThat(size(bytes(draftRendition, editor))).isEqualTo("320x320");
        // the public keeps the published file until the replacement is published
        assertThat(PLATFORM.get(link).headers().firstValue("Content-Type")).hasValue("image/png");

        editor.post("/admin/assets/publishing", Map.of("path", "/photos/usine", "action", "publish"));
        HttpResponse<String> file = PLATFORM.get(link); // the old link, with its old file name
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(file.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(oldEtag);
        HttpResponse<String> revalidated = PLATFORM.send(HttpRequest.newBuilder(PLATFORM.uri(link))
                .header("If-None-Match", oldEtag).build());
        assertThat(revalidated.statusCode()).isEqualTo(200); // a browser holding the old file gets the new one
        assertThat(size(bytes(rendition, null))).isEqualTo("320x320");
        assertThat(Jsoup.parse(PLATFORM.get("/").body()).selectFirst("figure img").attr("alt")).isEqualTo("L'usine vue du ciel");
    }

    @Test
    void aRefusedReplacementLeavesTheAssetAsItWas() {
        AdminBrowser editor = PLATFORM.staff();
        AssetRequests requests = new AssetRequests(PLATFORM, editor);
        editor.get("/admin/assets/");
        assertThat(editor.post("/admin/assets/folder", Map.of("folder", "/", "name", "docs")).statusCode()).isEqualTo(303);
        assertThat(requests.upload("/docs", "notice.pdf", AssetRequests.pdf("notice")).statusCode()).isEqualTo(303);
        editor.get("/admin/assets/asset?path=%2Fdocs%2Fnotice");

        HttpResponse<String> exe = requests.replace("/docs/notice", "notice.pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII));
        assertThat(exe.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(exe.body()).selectFirst("p.error").text()).startsWith("Type de fichier refusé");
        HttpResponse<String> script = requests.replace("/docs/notice", "dessin.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(requests.replace("/docs/notice", "vide.pdf", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(requests.replace("/docs", "notice.pdf", AssetRequests.pdf("x")).statusCode()).isEqualTo(404); // a folder
        assertThat(requests.replace("/docs/absent", "notice.pdf", AssetRequests.pdf("x")).statusCode()).isEqualTo(404);
        String content = PLATFORM.platform().repository().read(session -> {
            Node resource = session.getNode("/dam/docs/notice/jcr:content");
            try (var in = resource.getProperty("jcr:data").getBinary().getStream()) {
                return resource.getProperty("jcr:mimeType").getString() + " "
                        + new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(content).isEqualTo("application/pdf %PDF-1.4\n%notice");
        assertThat(requests.replace("/docs/notice", "x.pdf", AssetRequests.pdf("y")).statusCode()).isEqualTo(303); // still works
    }

    private static HttpResponse<byte[]> bytes(String path, AdminBrowser as) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(PLATFORM.uri(path));
        if (as != null) {
            request.header("Cookie", as.cookieHeader());
        }
        return PLATFORM.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String size(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        return image.getWidth() + "x" + image.getHeight();
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        return AssetStoreTest.image("jpeg", width, height);
    }
}
