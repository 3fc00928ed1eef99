package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The renderers' caches: what they remember, within their bound, and that each instance has its own. */
class RenderingCachesTest {

    @Test
    void aRenditionIsMadeOncePerVersionAndWidth() throws Exception {
        AssetRenditions renditions = new AssetRenditions();
        byte[] png = png(400, 200);
        AtomicInteger reads = new AtomicInteger();

        byte[] first = renditions.jpeg("id-1", 320, counting(png, reads));
        byte[] again = renditions.jpeg("id-1", 320, counting(png, reads));
        renditions.jpeg("id-1", 800, counting(png, reads));
        renditions.jpeg("id-2", 320, counting(png, reads));

        assertThat(again).isSameAs(first);
        assertThat(reads).hasValue(3);
        assertThat(ImageIO.read(new ByteArrayInputStream(first)).getWidth()).isEqualTo(320);
    }

    @Test
    void twoPlatformsDoNotShareRenditions() throws Exception {
        byte[] wide = png(400, 200);
        byte[] square = png(300, 300);
        byte[] one = new AssetRenditions().jpeg("same-id", 320, new ByteArrayInputStream(wide));
        byte[] other = new AssetRenditions().jpeg("same-id", 320, new ByteArrayInputStream(square));

        assertThat(ImageIO.read(new ByteArrayInputStream(one)).getHeight()).isEqualTo(160);
        assertThat(ImageIO.read(new ByteArrayInputStream(other)).getHeight()).isEqualTo(300);
    }

    @Test
    void renditionsBeyondTheBoundInBytesAreMadeAgain() throws Exception {
        AssetRenditions renditions = new AssetRenditions(1); // smaller than any JPEG: nothing is kept
        byte[] png = png(400, 200);
        AtomicInteger reads = new AtomicInteger();

        renditions.jpeg("id-1", 320, counting(png, reads));
        renditions.cleanUp();
        renditions.jpeg("id-1", 320, counting(png, reads));

        assertThat(reads).hasValue(2);
    }

    @Test
    void richTextIsCleanedAndRemembered() {
        RichTextSanitizer sanitizer = new RichTextSanitizer();
        String html = "<p onclick=\"steal()\">Bonjour <script>alert(1)</script><b>usine</b></p>";

        String cleaned = sanitizer.clean(html);

        assertThat(cleaned).isEqualTo("<p>Bonjour <b>usine</b></p>");
        assertThat(sanitizer.clean(html)).isSameAs(cleaned);
        assertThat(RichTextSanitizer.uncached().clean(html)).isEqualTo(cleaned);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** The image's bytes, counting in {@code reads} each stream read from (a cache hit reads none). */
    private static InputStream counting(byte[] bytes, AtomicInteger reads) {
        return new ByteArrayInputStream(bytes) {
            private boolean counted;

            @Override
            public synchronized int read() {
                count();
                return super.read();
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                count();
                return super.read(b, off, len);
            }

            private void count() {
                if (!counted) {
                    counted = true;
                    reads.incrementAndGet();
                }
            }
        };
    }
}
