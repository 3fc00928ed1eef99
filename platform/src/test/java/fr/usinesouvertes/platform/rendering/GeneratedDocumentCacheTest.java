package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GeneratedDocumentCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger generations = new AtomicInteger();
    private final GeneratedDocumentCache cache = new GeneratedDocumentCache(Duration.ofMinutes(1), nanos::get);

    private byte[] generate() {
        return ("body " + generations.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheBodyAndItsETagUntilInvalidated() {
        GeneratedDocumentCache.Document first = cache.get("https://a", this::generate);
        GeneratedDocumentCache.Document second = cache.get("https://a", this::generate);

        assertThat(second).isSameAs(first);
        assertThat(first.etag()).isEqualTo(HttpCaching.etagOf("body 1"));
        cache.invalidate();
        assertThat(new String(cache.get("https://a", this::generate).body(), StandardCharsets.UTF_8)).isEqualTo("body 2");
        assertThat(cache.generatedCount()).isEqualTo(2);
    }

    @Test
    void keepsOneBodyPerBaseUrl() {
        cache.get("https://a", this::generate);
        cache.get("https://b", this::generate);

        assertThat(new String(cache.get("https://a", this::generate).body(), StandardCharsets.UTF_8)).isEqualTo("body 1");
        assertThat(new String(cache.get("https://b", this::generate).body(), StandardCharsets.UTF_8)).isEqualTo("body 2");
    }

    @Test
    void generatesAgainOnceTheMaximumAgeHasPassed() {
        cache.get("https://a", this::generate);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.generatedCount()).isEqualTo(1);
        cache.get("https://a", this::generate);
        assertThat(cache.generatedCount()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(new String(cache.get("https://a", this::generate).body(), StandardCharsets.UTF_8)).isEqualTo("body 2");
    }

    @Test
    void aBodyGeneratedWhileTheContentChangesIsNotKept() {
        GeneratedDocumentCache.Document during = cache.get("https://a", () -> {
            cache.invalidate(); // a publication lands while the sitemap is being generated
            return generate();
        });

        assertThat(during.body()).isNotEmpty();
        assertThat(cache.get("https://a", this::generate)).isNotSameAs(during);
        assertThat(cache.generatedCount()).isEqualTo(2);
    }
}
