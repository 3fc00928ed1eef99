package fr.usinesouvertes.platform.content;

import java.util.Comparator;

/**
 * One content file of a light module's {@code bootstrap/} folder.
 *
 * @param module       the light module it belongs to
 * @param relativePath its path under {@code bootstrap/}, e.g. {@code website.home.yaml} or {@code data/dam.logos.yaml}
 * @param content      the file's text
 */
public record BootstrapFile(String module, String relativePath, String content) {

    /**
     * Magnolia's bootstrap order: shallower paths first, so {@code website.home.yaml} comes before
     * {@code website.home.news.yaml} (plain name order would put it after), then by name.
     */
    public static final Comparator<BootstrapFile> IMPORT_ORDER = Comparator
            .comparingInt((BootstrapFile file) -> depth(file.fileName()))
            .thenComparing(BootstrapFile::fileName)
            .thenComparing(BootstrapFile::relativePath);

    /** The file's own name, without folders: what names its workspace and path. */
    public String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    private static int depth(String fileName) {
        return (int) fileName.chars().filter(c -> c == '.').count();
    }
}
