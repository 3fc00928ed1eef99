package fr.usinesouvertes.platform.uploads;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an uploaded raster image before it is stored: its type from its signature (JPEG, PNG or WebP), at
 * most {@link #MAX_PIXELS} pixels (read from its header, before any decoding), then JPEG and PNG decoded to
 * the last row with {@code javax.imageio}, a warning (a truncated JPEG only warns) counting as damage, and a
 * PNG's chunks checked to {@code IEND} with their CRCs. The
 * decoding skips pixels (source subsampling) so that at most about {@value #DECODED_PIXELS} are kept in
 * memory, whatever the image's size; every row is still read and decompressed. The JDK has no WebP decoder:
 * a WebP's RIFF container is checked instead (the sizes of the file and of every chunk agree, so a truncated
 * file is refused, and a VP8, VP8L or VP8X header gives its dimensions).
 *
 * <p>This check stays hand-written on {@code javax.imageio} (with TwelveMonkeys' JPEG reader registered, so CMYK and
 * YCCK JPEGs pass): Thumbnailator, which makes the renditions ({@code rendering.AssetRenditions}), resizes but
 * validates nothing, and decodes the whole image where this check keeps about a megapixel (source subsampling) and
 * reads the size from the header before decoding anything. The WebP container check is kept rather than decoding
 * with TwelveMonkeys' WebP reader at upload: it is bounded in memory and time whatever the file claims.
 */
@PluginApi
public final class UploadedImages {

    /** 30 megapixels, e.g. 6,700 × 4,480: more than a camera's 24 or a phone's 12. */
    public static final long MAX_PIXELS = 30_000_000L;
    static final long DECODED_PIXELS = 1_000_000L;

    private UploadedImages() {
    }

    /** A checked image: its MIME type and dimensions. */
    public record Image(String mimeType, int width, int height) {
    }

    /** The MIME type of a JPEG, PNG or WebP by its first bytes, or empty. */
    public static Optional<String> type(byte[] data) {
        if (starts(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (data.length >= 12 && starts(data, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(data, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /**
     * Checks {@code data} as said above; an {@link UploadRefusedException} when it is no JPEG, PNG or WebP, has
     * too many pixels, or is damaged.
     */
    public static Image check(byte[] data) {
        String type = type(data).orElseThrow(() -> new UploadRefusedException(
                "Format non pris en charge : JPEG, PNG ou WebP.", "Unsupported format: JPEG, PNG or WebP."));
        if (type.equals("image/webp")) {
            return WebpContainer.read(data);
        }
        if (type.equals("image/png")) {
            pngChunks(data);
        }
        return decode(type, data);
    }

    static UploadRefusedException damaged() {
        return new UploadRefusedException("Image illisible ou endommagée.", "Unreadable or damaged image.");
    }

    static void checkPixels(long width, long height) {
        if (width <= 0 || height <= 0) {
            throw damaged();
        }
        if (width * height > MAX_PIXELS) {
            long megapixels = (width * height + 999_999) / 1_000_000;
            throw new UploadRefusedException("Image trop grande : " + width + " × " + height + " pixels ("
                    + megapixels + " mégapixels) ; " + MAX_PIXELS / 1_000_000 + " mégapixels au plus.",
                    "Image too large: " + width + " × " + height + " pixels (" + megapixels + " megapixels); at most "
                            + MAX_PIXELS / 1_000_000 + " megapixels.");
        }
    }

    private static Image decode(String type, byte[] data) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No javax.imageio reader for " + type);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkPixels(width, height);
            boolean[] warned = {false};
            reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS)));
            // the offsets make the last column and row part of the sample, so the whole image is read
            param.setSourceSubsampling(step, step, (width - 1) % step, (height - 1) % step);
            if (reader.canReadRaster()) {
                reader.readRaster(0, param); // JPEG: every scan decoded, no colour conversion to trip over
            } else {
                reader.read(0, param);
            }
            if (warned[0]) {
                throw damaged();
            }
            return new Image(type, width, height);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRefusedException refused) {
                throw refused;
            }
            throw damaged();
        } finally {
            reader.dispose();
        }
    }

    /**
     * A PNG's chunks: each whole with its CRC right, up to {@code IEND} (the JDK's reader stops once it has the
     * pixels, so a file cut in its last chunks would pass it).
     */
    private static void pngChunks(byte[] data) {
        CRC32 crc = new CRC32();
        int at = 8;
        while (true) {
            if (data.length - at < 12) {
                throw damaged();
            }
            long length = ByteBuffer.wrap(data, at, 4).getInt() & 0xFFFF_FFFFL;
            if (length > data.length - at - 12L) {
                throw damaged();
            }
            crc.reset();
            crc.update(data, at + 4, 4 + (int) length);
            int end = at + 8 + (int) length;
            if ((ByteBuffer.wrap(data, end, 4).getInt() & 0xFFFF_FFFFL) != crc.getValue()) {
                throw damaged();
            }
            if (new String(data, at + 4, 4, StandardCharsets.US_ASCII).equals("IEND")) {
                return;
            }
            at = end + 4;
        }
    }

    /** Whether {@code data} begins with the bytes {@code prefix} (a file signature, e.g. PNG's {@code 0x89 'P' 'N' 'G'}). */
    public static boolean starts(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
