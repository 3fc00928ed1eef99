package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.SitemapEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sitemap.xml} over HTTP is generated once, served from its cache, and generated again after a publication. */
class SitemapCachingTest {

    /** A module's sitemap source that counts its calls: one call per generated sitemap. */
    private static final AtomicInteger SOURCE_CALLS = new AtomicInteger();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(RenderingFixtures.LIGHT_MODULES)
            .inMemory().modules(new CountingSitemapModule());

    @BeforeAll
    static void createSite() {
        SiteContent.create(PLATFORM.platform().repository());
        PLATFORM.platform().definitions().replace(SiteContent.registry());
        PLATFORM.publishAll();
    }

    @Test
    void servesTheSameSitemapFromTheCacheUntilAPublication() throws Exception {
        HttpResponse<String> first = settledSitemap();
        int calls = SOURCE_CALLS.get();

        HttpResponse<String> second = PLATFORM.get("/sitemap.xml");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.headers().firstValue("Last-Modified")).isEqualTo(first.headers().firstValue("Last-Modified"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(PLATFORM.get("/sitemap.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(SOURCE_CALLS.get()).as("sitemap generations after the first").isEqualTo(calls);
        assertThat(first.body()).contains("/module-page").doesNotContain("/nouvelle-page");

        PLATFORM.platform().repository().write(session ->
                RenderingFixtures.page(session, "/home/nouvelle-page", "section", "title", "Nouvelle page"));
        assertThat(PLATFORM.get("/sitemap.xml").body()).as("a draft is not in the sitemap").doesNotContain("/nouvelle-page");
        PLATFORM.publish("website", "/home/nouvelle-page");

        HttpResponse<String> published = PLATFORM.get("/sitemap.xml");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).contains("/nouvelle-page</loc>").contains("/en/nouvelle-page</loc>");
        assertThat(published.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
        assertThat(PLATFORM.get("/sitemap.xml", "If-None-Match", etag).statusCode()).isEqualTo(200);
        assertThat(SOURCE_CALLS.get()).isGreaterThan(calls);
    }

    /**
     * The sitemap once the fixture's own changes have stopped arriving: JCR observation reports them a
     * moment after the commits, and each one rightly empties the cache.
     */
    private static HttpResponse<String> settledSitemap() {
        PLATFORM.get("/sitemap.xml");
        AtomicInteger before = new AtomicInteger(SOURCE_CALLS.get());
        // every 300 ms, a request that generated nothing since the previous one means the changes have stopped
        return await("sitemap.xml no longer generated again at every request").atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(300))
                .until(() -> PLATFORM.get("/sitemap.xml"), again -> {
                    int now = SOURCE_CALLS.get();
                    return before.getAndSet(now) == now;
                });
    }

    /** Adds one URL to the sitemap through the module SPI, counting the calls. */
    private static final class CountingSitemapModule implements PlatformModule {

        @Override
        public ModuleDescriptor descriptor() {
            return ModuleDescriptor.of("sitemap-counter", "1.0");
        }

        @Override
        public void start(ModuleContext context) {
            context.site().sitemap(() -> {
                SOURCE_CALLS.incrementAndGet();
                return List.of(new SitemapEntry("/module-page", 0));
            });
        }
    }
}
