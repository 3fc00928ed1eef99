package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Renditions of real images made in the test: a JPEG whose EXIF orientation says "turn 90°" comes out upright, a CMYK
 * JPEG (Adobe's inverted CMYK, as Photoshop writes it) in sRGB with its colours, a large photo at the asked width,
 * a transparent PNG on white, a small image never enlarged, a broken file refused.
 */
class AssetRenditionsTest {

    private final AssetRenditions renditions = new AssetRenditions();

    @Test
    void aJpegWithExifOrientationSixComesOutUpright() throws Exception {
        // stored landscape, 80 × 40: left half red, right half blue; orientation 6 = display turned 90° clockwise
        BufferedImage stored = halves(80, 40, Color.RED, Color.BLUE);
        byte[] jpeg = withExifOrientation(jpeg(stored), 6);

        BufferedImage rendition = read(renditions.jpeg("exif", 320, new ByteArrayInputStream(jpeg)));

        assertThat(rendition.getWidth()).isEqualTo(40);
        assertThat(rendition.getHeight()).isEqualTo(80);
        assertThat(dominant(rendition.getRGB(20, 10))).as("the stored left side is on top").isEqualTo("red");
        assertThat(dominant(rendition.getRGB(20, 70))).isEqualTo("blue");
    }

    @Test
    void aCmykJpegIsRenderedInSrgbWithItsColoursNotInverted() throws Exception {
        byte[] cmyk = adobeCmykJpeg(64, 32, 0, 255, 255, 0); // cyan 0, magenta and yellow full, black 0: red

        BufferedImage rendition = read(renditions.jpeg("cmyk", 320, new ByteArrayInputStream(cmyk)));

        assertThat(rendition.getWidth()).isEqualTo(64);
        assertThat(rendition.getHeight()).isEqualTo(32);
        assertThat(dominant(rendition.getRGB(32, 16))).isEqualTo("red");
        assertThat(fr.usinesouvertes.platform.uploads.UploadedImages.check(cmyk))
                .as("and accepted at upload").isEqualTo(new fr.usinesouvertes.platform.uploads.UploadedImages.Image("image/jpeg", 64, 32));
    }

    @Test
    void aLargePhotoIsScaledToTheAskedWidthKeepingItsRatioAndDetail() throws Exception {
        BufferedImage stored = halves(3200, 2400, Color.GREEN, Color.WHITE);
        byte[] rendition = renditions.jpeg("large", 800, new ByteArrayInputStream(jpeg(stored)));

        BufferedImage image = read(rendition);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(dominant(image.getRGB(100, 300))).isEqualTo("green");
        assertThat(renditions.jpeg("large", 800, new ByteArrayInputStream(new byte[0])))
                .as("cached by version and width: the original is not read again").isSameAs(rendition);
    }

    @Test
    void aTransparentPngIsOnWhiteAndASmallImageIsNeverEnlarged() throws Exception {
        BufferedImage png = new BufferedImage(50, 30, BufferedImage.TYPE_INT_ARGB); // fully transparent
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(png, "png", out);

        BufferedImage rendition = read(renditions.jpeg("png", 1600, new ByteArrayInputStream(out.toByteArray())));

        assertThat(rendition.getWidth()).isEqualTo(50);
        assertThat(rendition.getHeight()).isEqualTo(30);
        Color corner = new Color(rendition.getRGB(5, 5));
        assertThat(corner.getRed() + corner.getGreen() + corner.getBlue()).isGreaterThan(3 * 240);
    }

    @Test
    void aBrokenImageIsRefusedAsUnreadable() {
        assertThatThrownBy(() -> renditions.jpeg("broken", 320, new ByteArrayInputStream("not an image".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a readable image");
    }

    static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(left);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(right);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
        return out.toByteArray();
    }

    /**
     * The JPEG with an EXIF segment (APP1) right after its start marker: a big-endian TIFF header and one IFD holding
     * only the Orientation tag (0x0112, SHORT).
     */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian, IFD0 at offset 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
                0, 0, 0, 0}; // no next IFD
        byte[] header = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + header.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(header);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A CMYK JPEG as Photoshop writes it: four channels stored inverted, announced by an Adobe APP14 segment
     * (transform 0). The JDK's writer writes the raster's four channels as they are; the segment is added by hand.
     */
    static byte[] adobeCmykJpeg(int width, int height, int c, int m, int y, int k) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] inverted = {255 - c, 255 - m, 255 - y, 255 - k};
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                raster.setPixel(column, row, inverted);
            }
        }
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.")) {
                writer = candidate;
            }
        }
        assertThat(writer).as("the JDK's JPEG writer").isNotNull();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(raw)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(raster, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] bytes = raw.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, 2);
        out.writeBytes(adobe);
        out.write(bytes, 2, bytes.length - 2);
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image).isNotNull();
        return image;
    }

    /** "red", "green", "blue" or "other": the channel clearly above the two others. */
    private static String dominant(int rgb) {
        Color color = new Color(rgb);
        int r = color.getRed();
        int g = color.getGreen();
        int b = color.getBlue();
        if (r > 150 && g < 100 && b < 100) {
            return "red";
        }
        if (g > 150 && r < 100 && b < 100) {
            return "green";
        }
        if (b > 150 && r < 100 && g < 100) {
            return "blue";
        }
        return "other(" + r + "," + g + "," + b + ")";
    }
}
