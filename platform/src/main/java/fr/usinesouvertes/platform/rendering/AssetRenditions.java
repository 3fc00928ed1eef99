package fr.usinesouvertes.platform.rendering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import net.coobird.thumbnailator.Thumbnails;

/**
 * JPEG renditions of raster images (JPEG, PNG; WebP through TwelveMonkeys' reader) at a few fixed widths (never enlarged), made with Thumbnailator
 * over {@code javax.imageio} and TwelveMonkeys' readers, and remembered by asset, version and width within a memory bound in bytes (the least useful renditions
 * leave first). One per platform, shared by its public and draft asset servlets.
 */
public final class AssetRenditions {

    /** The widths offered; other widths are refused so the cache cannot be flooded. */
    public static final List<Integer> WIDTHS = List.of(320, 800, 1600);
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Cache<String, byte[]> cache;

    public AssetRenditions() {
        this(MAX_BYTES);
    }

    AssetRenditions(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, byte[] bytes) -> bytes.length)
                .recordStats()
                .build();
    }

    /** Reports the cache's statistics to {@code meters} under {@code name}. */
    void monitor(io.micrometer.core.instrument.MeterRegistry meters, String name) {
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(meters, cache, name);
    }

    /** Runs the evictions Caffeine does in the background now (tests). */
    void cleanUp() {
        cache.cleanUp();
    }

    /** Whether renditions are made of files of this MIME type (JPEG and PNG). */
    public static boolean renders(String mimeType) {
        return "image/jpeg".equals(mimeType) || "image/png".equals(mimeType);
    }

    /**
     * The width of a rendition named as templates name them: a width or size ({@code 480}, {@code w800},
     * {@code 960x540}) gives the smallest offered width at least as wide (the largest past them), Magnolia's usual
     * theme variation names {@code thumbnail}/{@code small}, {@code medium} and {@code large} give 320, 800 and
     * 1600; anything else (e.g. {@code original}) is null, the file itself.
     */
    public static Integer widthNamed(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.trim().toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "thumbnail", "small" -> {
                return WIDTHS.get(0);
            }
            case "medium" -> {
                return WIDTHS.get(1);
            }
            case "large" -> {
                return WIDTHS.get(WIDTHS.size() - 1);
            }
            default -> {
                java.util.regex.Matcher digits = java.util.regex.Pattern.compile("^w?(\\d{1,5})(x\\d{1,5})?$").matcher(lower);
                if (!digits.matches()) {
                    return null;
                }
                int wanted = Integer.parseInt(digits.group(1));
                return WIDTHS.stream().filter(w -> w >= wanted).findFirst().orElse(WIDTHS.get(WIDTHS.size() - 1));
            }
        }
    }

    /** The width asked by the part after an asset's id, {@code w320/photo.jpg}, or null when it is no rendition. */
    public static Integer widthOf(String rest) {
        int slash = rest.indexOf('/');
        if (!rest.startsWith("w") || slash < 2) {
            return null;
        }
        try {
            int width = Integer.parseInt(rest.substring(1, slash));
            return WIDTHS.contains(width) ? width : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The rendition of the image read from {@code original}, for the cache key {@code version} (id and date): turned
     * upright by its EXIF orientation, in sRGB (a CMYK or YCCK JPEG converted through its ICC profile by TwelveMonkeys'
     * reader), at most {@code width} wide, never enlarged, scaled by Thumbnailator (in steps, bilinear: no aliasing when
     * a photo is divided by ten), written as JPEG at quality 0.85.
     */
    public byte[] jpeg(String version, int width, InputStream original) throws IOException {
        String key = version + "@" + width;
        byte[] cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        BufferedImage upright;
        try {
            // scale 1: only decoded and turned by its EXIF orientation, so the width compared is the upright one
            upright = Thumbnails.of(original).scale(1.0).useExifOrientation(true).asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a readable image", e);
        }
        int targetWidth = Math.min(width, upright.getWidth());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thumbnails.of(onWhite(upright)).width(targetWidth).imageType(BufferedImage.TYPE_INT_RGB)
                .outputFormat("jpg").outputQuality(0.85).toOutputStream(out);
        byte[] bytes = out.toByteArray();
        cache.put(key, bytes);
        return bytes;
    }

    /**
     * The image with its transparent areas on white, as RGB. Kept by hand: Thumbnailator draws a translucent image
     * onto an RGB one without filling it, which makes transparent PNG areas black, and JPEG has no alpha.
     */
    private static BufferedImage onWhite(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = flat.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return flat;
    }
}
