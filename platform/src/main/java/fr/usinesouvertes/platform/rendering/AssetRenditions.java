package fr.usinesouvertes.platform.rendering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG renditions of raster images at a few fixed widths (never enlarged), made with {@code javax.imageio}
 * and remembered by asset, version and width within a memory bound in bytes (the least useful renditions
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

    /** The rendition of the image read from {@code original}, for the cache key {@code version} (id and date). */
    public byte[] jpeg(String version, int width, InputStream original) throws IOException {
        String key = version + "@" + width;
        byte[] cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        BufferedImage source = ImageIO.read(original);
        if (source == null) {
            throw new IOException("not a readable image");
        }
        int targetWidth = Math.min(width, source.getWidth());
        int targetHeight = Math.max(1, (int) Math.round(source.getHeight() * (targetWidth / (double) source.getWidth())));
        BufferedImage target = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(Color.WHITE); // transparent PNG areas become white, JPEG has no alpha
            graphics.fillRect(0, 0, targetWidth, targetHeight);
            graphics.drawImage(source, 0, 0, targetWidth, targetHeight, null);
        } finally {
            graphics.dispose();
        }
        byte[] bytes = encode(target);
        cache.put(key, bytes);
        return bytes;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
