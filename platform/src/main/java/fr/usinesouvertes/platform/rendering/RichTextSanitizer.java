package fr.usinesouvertes.platform.rendering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Cleans rich text with jsoup's relaxed safelist before it is written as markup. Cleaning is a pure
 * function of the text and costs far more than rendering the rest of a page, so a platform's page renderers
 * share one sanitizer that remembers results by input, within a bound in characters (input and result; the
 * least useful texts leave first).
 */
public final class RichTextSanitizer {

    static final long MAX_CHARS = 8_000_000;

    /** Null when nothing is remembered ({@link #uncached()}). */
    private final Cache<String, String> cleaned;

    /** A sanitizer remembering up to {@link #MAX_CHARS} characters. */
    public RichTextSanitizer() {
        this(MAX_CHARS);
    }

    RichTextSanitizer(long maxChars) {
        this.cleaned = Caffeine.newBuilder()
                .maximumWeight(maxChars)
                .weigher((String html, String clean) -> html.length() + clean.length())
                .recordStats()
                .build();
    }

    private RichTextSanitizer(Cache<String, String> cleaned) {
        this.cleaned = cleaned;
    }

    /** A sanitizer that remembers nothing: for texts cleaned once (content being saved). */
    public static RichTextSanitizer uncached() {
        return new RichTextSanitizer((Cache<String, String>) null);
    }

    /** Reports the cache's statistics to {@code meters} under {@code name}; nothing for an uncached sanitizer. */
    void monitor(io.micrometer.core.instrument.MeterRegistry meters, String name) {
        if (cleaned != null) {
            io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(meters, cleaned, name);
        }
    }

    public String clean(String html) {
        return cleaned == null ? cleanOnce(html) : cleaned.get(html, RichTextSanitizer::cleanOnce);
    }

    private static String cleanOnce(String html) {
        return Jsoup.clean(html, Safelist.relaxed());
    }
}
