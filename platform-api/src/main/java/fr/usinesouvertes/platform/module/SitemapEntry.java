package fr.usinesouvertes.platform.module;

/**
 * One public URL of the site for {@code sitemap.xml}: its French path ({@code /usines/colas-santes}; the
 * English version is the same path under {@code /en}) and when it last changed (epoch ms, 0 if unknown).
 */
public record SitemapEntry(String path, long lastModified) {
}
