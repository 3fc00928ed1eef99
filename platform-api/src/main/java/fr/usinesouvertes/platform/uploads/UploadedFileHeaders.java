package fr.usinesouvertes.platform.uploads;

import fr.usinesouvertes.platform.annotation.PluginApi;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The headers of every response that sends a user-uploaded file (DAM assets, their renditions and draft
 * copies, company photos), set by the serving code itself so they stand without any filter:
 * {@code X-Content-Type-Options: nosniff} and {@value #CONTENT_SECURITY_POLICY} (the file, opened as a page,
 * loads nothing, runs no script and gets an opaque origin: an SVG's script cannot act on the site). Only
 * passive media are shown inline (JPEG, PNG, WebP, GIF, AVIF, SVG, icons, MP4, WebM, MP3); anything else, PDF
 * included (browsers refuse to run their PDF viewer in a sandbox), HTML and XML above all, is sent with
 * {@code Content-Disposition: attachment}: saved, never shown on the site's origin.
 */
@PluginApi
public final class UploadedFileHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/webp", "image/gif",
            "image/avif", "image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon", "video/mp4", "video/webm",
            "audio/mpeg");

    private UploadedFileHeaders() {
    }

    /**
     * Sets {@code Content-Type} to {@code mimeType}, the two headers above and, unless it is a passive medium,
     * {@code Content-Disposition: attachment} with {@code fileName} (when not null). The policy is added to any
     * a filter set before: browsers apply them all.
     */
    public static void set(HttpServletResponse response, String mimeType, String fileName) {
        String type = mimeType == null || mimeType.isBlank() ? "application/octet-stream" : mimeType.strip();
        response.setContentType(type);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.addHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (!inline(type)) {
            response.setHeader("Content-Disposition", attachment(fileName));
        }
    }

    /** Whether a file of this type is shown in the browser (else saved). */
    public static boolean inline(String mimeType) {
        if (mimeType == null) {
            return false;
        }
        int semicolon = mimeType.indexOf(';');
        String essence = (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return INLINE.contains(essence);
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} (RFC 6266), or bare {@code attachment}. */
    static String attachment(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "attachment";
        }
        String base = fileName.replaceAll(".*[/\\\\]", "");
        String ascii = base.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(base, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
