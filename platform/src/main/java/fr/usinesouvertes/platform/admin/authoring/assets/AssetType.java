package fr.usinesouvertes.platform.admin.authoring.assets;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.uploads.SvgCheck;
import fr.usinesouvertes.platform.uploads.UploadedImages;
import fr.usinesouvertes.platform.uploads.UploadRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The type of an uploaded file read from its first bytes, never from its name or the browser's claim:
 * JPEG, PNG, WebP, SVG (parsed as XML and refused unless it is pure drawing, see {@link SvgCheck}) and PDF.
 * Anything else is refused.
 */
public enum AssetType {
    JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp"), SVG("image/svg+xml", "svg"),
    PDF("application/pdf", "pdf");

    private final String mimeType;
    private final String extension;

    AssetType(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != PDF;
    }

    /** Whether {@code javax.imageio} can read it, so renditions can be made. */
    public boolean isRaster() {
        return this == JPEG || this == PNG;
    }

    /** The type of {@code data}; an {@link AuthoringException} (400) naming the reason when it is not accepted. */
    public static AssetType sniff(byte[] data) {
        if (UploadedImages.starts(data, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (UploadedImages.starts(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (data.length >= 12 && UploadedImages.starts(data, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(data, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return WEBP;
        }
        if (UploadedImages.starts(data, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        String head = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.UTF_8).strip();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).strip();
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (head.startsWith("<") && (lower.contains("<svg") || lower.contains(":svg"))) {
            try {
                SvgCheck.check(data);
            } catch (UploadRefusedException e) {
                throw AuthoringException.invalid("SVG refusé : " + e.messageFr(), "SVG refused: " + e.messageEn());
            }
            return SVG;
        }
        throw AuthoringException.invalid("Type de fichier refusé : seuls JPEG, PNG, WebP, SVG et PDF sont acceptés.",
                "File type refused: only JPEG, PNG, WebP, SVG and PDF are accepted.");
    }
}
