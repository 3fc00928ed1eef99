package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.ModulePages;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.http.PlatformServer;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.List;

/**
 * Wires page rendering into the HTTP server: web resources at {@code /.resources/*}, asset files at
 * {@code /dam/*}, {@code /sitemap.xml}, {@code /robots.txt}, feeds at {@code /feeds/*} and
 * {@code /<locale>/feeds/*}, and rendered pages for every other path ({@code /}, the default servlet), all from
 * the published content; {@link #preview} renders the drafts for the back office.
 */
public final class Rendering {

    /** A module's sitemap entries may depend on the clock (the current edition): regenerated at least this often. */
    private static final java.time.Duration SITEMAP_MAX_AGE = java.time.Duration.ofMinutes(1);

    private Rendering() {
    }

    /**
     * The caches a platform's renderers share, made once per platform (never JVM-wide): rich texts cleaned, and
     * image renditions.
     */
    public record Caches(RichTextSanitizer richText, AssetRenditions renditions) {

        public static Caches create() {
            return new Caches(new RichTextSanitizer(), new AssetRenditions());
        }

        /** Reports the caches' size, hits, misses and evictions ({@code cache_*{cache="rendering.…"}}). */
        public void monitor(io.micrometer.core.instrument.MeterRegistry meters) {
            richText.monitor(meters, "rendering.rich-text");
            renditions.monitor(meters, "rendering.asset-renditions");
        }
    }

    /** With the site's public address ({@code publicUrl}) for absolute URLs and its time zone for dates. */
    public static List<PlatformServer.Mount> mounts(ContentRepository repository, Definitions definitions,
                                                    LightModuleOrigins origins, Contributions contributions,
                                                    PublicUrl publicUrl, java.time.ZoneId zone, Caches caches) {
        ClassLoader classLoader = Rendering.class.getClassLoader();
        WebResources webResources = new WebResources(origins, classLoader);
        TemplateEngine engine = new TemplateEngine(origins, definitions, zone);
        PageRenderer pages = new PageRenderer(repository, definitions, engine, webResources,
                contributions::templatingFunctions, ContentStage.PUBLIC, caches.richText());
        ChangeTime changeTime = new ChangeTime();
        repository.addChangeListener(changeTime::changed);
        definitions.onChange(registry -> changeTime.changed());
        GeneratedDocumentCache sitemaps = new GeneratedDocumentCache(SITEMAP_MAX_AGE);
        repository.addChangeListener(sitemaps::invalidate);
        definitions.onChange(registry -> sitemaps.invalidate());
        FeedServlet feeds = new FeedServlet(repository, definitions, changeTime, publicUrl);
        return List.of(
                new PlatformServer.Mount("/.resources/*", new WebResourceServlet(webResources)),
                new PlatformServer.Mount("/dam/*", new DamServlet(repository, ContentStage.PUBLIC, caches.renditions())),
                new PlatformServer.Mount("/sitemap.xml", new SitemapServlet(repository, definitions,
                        contributions::sitemapSources, changeTime, publicUrl, sitemaps)),
                new PlatformServer.Mount("/robots.txt", new RobotsServlet(changeTime, publicUrl)),
                new PlatformServer.Mount("/feeds/*", feeds),
                new PlatformServer.Mount("/", new PageServlet(pages, changeTime, publicUrl, feeds)));
    }

    /** Pages that modules serve themselves inside the site's frame ({@link ModulePages}), from the published content. */
    public static ModulePages modulePages(ContentRepository repository, Definitions definitions,
                                          LightModuleOrigins origins, Contributions contributions, PublicUrl publicUrl,
                                          java.time.ZoneId zone, Caches caches) {
        TemplateEngine engine = new TemplateEngine(origins, definitions, zone);
        PageRenderer pages = new PageRenderer(repository, definitions, engine,
                new WebResources(origins, Rendering.class.getClassLoader()), contributions::templatingFunctions,
                ContentStage.PUBLIC, caches.richText());
        return new SiteModulePages(pages, publicUrl);
    }

    /** The back office's preview: pages and assets from the drafts ({@link ContentStage#DRAFT}). */
    public static PagePreview preview(ContentRepository repository, Definitions definitions,
                                      LightModuleOrigins origins, Contributions contributions, PublicUrl publicUrl,
                                          java.time.ZoneId zone, Caches caches) {
        ClassLoader classLoader = Rendering.class.getClassLoader();
        WebResources webResources = new WebResources(origins, classLoader);
        TemplateEngine engine = new TemplateEngine(origins, definitions, zone);
        PageRenderer pages = new PageRenderer(repository, definitions, engine, webResources,
                contributions::templatingFunctions, ContentStage.DRAFT, caches.richText());
        PageRenderer publicPages = new PageRenderer(repository, definitions, engine, webResources,
                contributions::templatingFunctions, ContentStage.PUBLIC, caches.richText());
        return new PagePreview(pages, publicPages, repository,
                new DamServlet(repository, ContentStage.DRAFT, caches.renditions()), publicUrl);
    }
}
