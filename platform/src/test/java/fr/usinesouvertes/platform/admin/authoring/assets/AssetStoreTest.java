package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.form.UploadedFile;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import javax.jcr.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssetStoreTest {

    static final String BY = "editor@example.fr";
    ContentRepository repository;
    AssetStore store;

    @BeforeEach
    void open() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        store = new AssetStore(200_000, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        repository.close();
    }

    static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A PNG with colours (a gradient and three blocks), so that screenshots show it. */
    static byte[] picture(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0xB2, 0x3C, 0x00), width, height,
                new java.awt.Color(0x14, 0x21, 0x3D)));
        g.fillRect(0, 0, width, height);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(width / 8, height / 2, width / 4, height / 3);
        g.fillRect(width / 2, height / 3, width / 6, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] png(int width, int height) {
        try {
            return image("png", width, height);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anImageIsStoredAsAMagnoliaAssetWithItsSniffedTypeAndSize() throws Exception {
        byte[] png = image("png", 640, 480);
        repository.write(session -> store.createFolder(session, "/", "presse"));
        String path = repository.write(session -> store.upload(session, "/presse",
                new UploadedFile("Logo Officiel.pdf", "application/pdf", png), BY).getPath());
        assertThat(path).isEqualTo("/dam/presse/logo-officiel");
        repository.read(session -> {
            Node asset = session.getNode(path);
            assertThat(asset.isNodeType("mgnl:asset")).isTrue();
            Node resource = asset.getNode("jcr:content");
            assertThat(resource.isNodeType("mgnl:resource")).isTrue();
            assertThat(resource.getProperty("jcr:mimeType").getString()).isEqualTo("image/png"); // not the claimed PDF
            assertThat(resource.getProperty("fileName").getString()).isEqualTo("logo-officiel.png");
            assertThat(resource.getProperty("width").getLong()).isEqualTo(640);
            assertThat(resource.getProperty("height").getLong()).isEqualTo(480);
            assertThat(resource.getProperty("jcr:data").getLength()).isEqualTo(png.length);
            return null;
        });
        List<AssetStore.Entry> entries = repository.read(session -> store.list(session, "/"));
        assertThat(entries).extracting(AssetStore.Entry::name).containsExactly("presse");
        List<AssetStore.Entry> inside = repository.read(session -> store.list(session, "/presse"));
        assertThat(inside.get(0).link()).endsWith("/logo-officiel.png");
    }

    @Test
    void pdfJpegWebpAndCleanSvgAreAcceptedByTheirBytes() throws Exception {
        assertThat(AssetType.sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).isEqualTo(AssetType.PDF);
        assertThat(AssetType.sniff(image("jpeg", 10, 10))).isEqualTo(AssetType.JPEG);
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
        assertThat(AssetType.sniff(webp)).isEqualTo(AssetType.WEBP);
        String svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"#a\"/><rect id=\"a\" width=\"1\" height=\"1\"/></svg>";
        assertThat(AssetType.sniff(svg.getBytes(StandardCharsets.UTF_8))).isEqualTo(AssetType.SVG);
    }

    @Test
    void dangerousSvgUnknownTypesBrokenImagesAndLargeFilesAreRefusedAndNothingIsStored() throws Exception {
        for (String svg : List.of("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\">x</a></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/x.png\"/></svg>")) {
            assertThatThrownBy(() -> upload("x.svg", svg.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AuthoringException.class).hasMessageStartingWith("SVG refusé");
        }
        assertThatThrownBy(() -> upload("virus.pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageStartingWith("Type de fichier refusé");
        byte[] broken = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertThatThrownBy(() -> upload("broken.png", broken)).hasMessage("Image illisible ou endommagée.");
        assertThatThrownBy(() -> upload("big.pdf", ("%PDF-" + "x".repeat(200_001)).getBytes(StandardCharsets.US_ASCII)))
                .hasMessageStartingWith("Fichier trop volumineux");
        assertThatThrownBy(() -> upload("empty.pdf", new byte[0])).hasMessage("Choisissez un fichier.");
        long count = repository.read(session -> session.getNode("/dam").getNodes().getSize());
        assertThat(count).isZero();
    }

    private String upload(String name, byte[] data) {
        return repository.write(session -> store.upload(session, "/", new UploadedFile(name, null, data), BY).getPath());
    }
}
