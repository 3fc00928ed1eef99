package fr.usinesouvertes.platform.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploaded images are checked whole: signature, pixel count from the header, then decoded to the last row. */
class UploadedImagesTest {

    /** 3 × 2 pixels, made with cwebp: lossless (VP8L) and lossy (VP8). */
    static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRiAAAABXRUJQVlA4TBMAAAAvAkAAAA8w1aMxc/MfeJiAiP5HAA==");
    static final byte[] WEBP_LOSSY = Base64.getDecoder().decode(
            "UklGRjwAAABXRUJQVlA4IDAAAAAwAQCdASoDAAIAAgA0JZwAA3AA/vwCaxuAzNV1v/27Nd26eq6TC20iFy4NDzoAAAA=");

    static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y += 3) {
            for (int x = 0; x < width; x += 2) {
                image.setRGB(x, y, x * 7919 + y * 104_729);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void wholeJpegPngAndWebpImagesPassWithTheirTypeAndSize() throws Exception {
        assertThat(UploadedImages.check(image("jpeg", 1200, 900))).isEqualTo(new UploadedImages.Image("image/jpeg", 1200, 900));
        assertThat(UploadedImages.check(image("png", 2500, 1700))).isEqualTo(new UploadedImages.Image("image/png", 2500, 1700));
        assertThat(UploadedImages.check(WEBP_LOSSLESS)).isEqualTo(new UploadedImages.Image("image/webp", 3, 2));
        assertThat(UploadedImages.check(WEBP_LOSSY)).isEqualTo(new UploadedImages.Image("image/webp", 3, 2));
    }

    @Test
    void truncatedOrCorruptImagesAreRefusedAsDamaged() throws Exception {
        byte[] jpeg = image("jpeg", 800, 600);
        byte[] png = image("png", 800, 600);
        byte[] corrupt = png.clone();
        for (int i = 100; i < 400; i++) {
            corrupt[i] ^= 0x5A;
        }
        byte[] lossyWithoutItsLastBytes = Arrays.copyOf(WEBP_LOSSY, WEBP_LOSSY.length - 8);
        byte[] lossyTruncatedButSized = lossyWithoutItsLastBytes.clone();
        ByteBuffer.wrap(lossyTruncatedButSized, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(lossyTruncatedButSized.length - 8);
        for (byte[] damaged : new byte[][] {Arrays.copyOf(jpeg, jpeg.length / 2), Arrays.copyOf(png, png.length / 2),
                Arrays.copyOf(png, png.length - 20), corrupt, Arrays.copyOf(png, 40),
                Arrays.copyOf(WEBP_LOSSLESS, 30), lossyWithoutItsLastBytes, lossyTruncatedButSized}) {
            assertThatThrownBy(() -> UploadedImages.check(damaged)).isInstanceOf(UploadRefusedException.class)
                    .hasMessage("Image illisible ou endommagée.")
                    .extracting(e -> ((UploadRefusedException) e).messageEn()).isEqualTo("Unreadable or damaged image.");
        }
    }

    @Test
    void anImageOfTooManyPixelsIsRefusedFromItsHeaderBeforeDecoding() {
        // a PNG of 10,000 × 10,000 pixels without pixel data (IHDR then IEND): decoding it would need 400 MB
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(10_000).putInt(10_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue())
                .putInt(0).put("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(0xAE426082);
        assertThatThrownBy(() -> UploadedImages.check(png.array())).isInstanceOf(UploadRefusedException.class)
                .hasMessageStartingWith("Image trop grande : 10000 × 10000 pixels (100 mégapixels)");
        byte[] webp = WEBP_LOSSLESS.clone(); // VP8L header: 14 bits of width - 1, 14 of height - 1
        int big = 16_383;
        webp[21] = (byte) big;
        webp[22] = (byte) ((big >> 8) | (big << 6));
        webp[23] = (byte) (big >> 2);
        webp[24] = (byte) ((webp[24] & 0xF0) | (big >> 10));
        assertThatThrownBy(() -> UploadedImages.check(webp)).hasMessageStartingWith("Image trop grande : 16384 × 16384");
    }

    @Test
    void anythingElseIsRefusedAsAnUnsupportedFormat() {
        for (String other : new String[] {"GIF89a...", "%PDF-1.7", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", ""}) {
            assertThatThrownBy(() -> UploadedImages.check(other.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .isInstanceOf(UploadRefusedException.class).hasMessage("Format non pris en charge : JPEG, PNG ou WebP.");
        }
    }
}
