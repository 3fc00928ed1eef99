package fr.usinesouvertes.platform.module;

import java.util.List;

/**
 * URLs a Java module adds to {@code sitemap.xml}, for pages the platform cannot list itself (e.g. the
 * events module's site pages, public only when their event sheet is published). Registered with
 * {@code ModuleContext.registerSitemapSource}; called on each sitemap request that the cache misses.
 */
@FunctionalInterface
public interface SitemapSource {

    List<SitemapEntry> entries();
}
