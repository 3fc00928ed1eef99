package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.admin.authoring.assets.AssetStore;
import fr.usinesouvertes.platform.admin.authoring.form.UploadedFile;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Renditions of uploaded images through the real {@code /dam/} servlet. */
class DamRenditionTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory();
    static String link;

    @BeforeAll
    static void upload() throws Exception {
        BufferedImage image = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        AssetStore store = new AssetStore(10_000_000, PLATFORM.platform().clock());
        link = PLATFORM.platform().repository().write(session -> AssetLinks.link(store.upload(session, "/",
                new UploadedFile("photo usine.png", "image/png", png.toByteArray()), "editor@example.fr")));
        PLATFORM.platform().publishing().publish("editor@example.fr", "dam", "/photo-usine", false);
    }

    @Test
    void aRenditionIsAJpegOfTheAskedWidthWithCachingHeaders() throws Exception {
        String rendition = link.replace("/photo-usine.png", "/w320/photo-usine.png");
        HttpResponse<byte[]> response = bytes(rendition, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public, max-age="));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(160);
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(bytes(rendition, etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> original = bytes(link, null);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void anUnpublishedAssetHasNoPublicRendition() throws Exception {
        AssetStore store = new AssetStore(10_000_000, PLATFORM.platform().clock());
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        String draft = PLATFORM.platform().repository().write(session -> AssetLinks.link(store.upload(session, "/",
                new UploadedFile("brouillon.jpg", "image/jpeg", jpeg.toByteArray()), "editor@example.fr")));
        assertThat(bytes(draft.replace("/brouillon.jpg", "/w320/brouillon.jpg"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownWidthsAreNotRenditions() throws Exception {
        assertThat(bytes(link.replace("/photo-usine.png", "/w321/photo-usine.png"), null).statusCode()).isEqualTo(200);
        // w321 is not offered: the path is read as the file itself (file names are informative)
        assertThat(bytes(link.replace("/photo-usine.png", "/w321/photo-usine.png"), null).headers()
                .firstValue("Content-Type")).hasValue("image/png");
    }

    private static HttpResponse<byte[]> bytes(String path, String etag) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(PLATFORM.uri(path)).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
