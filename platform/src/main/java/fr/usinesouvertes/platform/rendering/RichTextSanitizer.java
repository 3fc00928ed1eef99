package fr.usinesouvertes.platform.rendering;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Cleans rich text with jsoup's relaxed safelist before it is written as markup. Cleaning is a pure
 * function of the text and costs far more than rendering the rest of a page, so results are remembered
 * by input, within a bound in characters (the memo is emptied when full: rich texts are few and change
 * rarely).
 */
public final class RichTextSanitizer {

    private static final long MAX_CHARS = 8_000_000;
    private static final Map<String, String> CLEANED = new ConcurrentHashMap<>();
    private static final AtomicLong CHARS = new AtomicLong();

    private RichTextSanitizer() {
    }

    public static String clean(String html) {
        String cleaned = CLEANED.get(html);
        if (cleaned != null) {
            return cleaned;
        }
        cleaned = Jsoup.clean(html, Safelist.relaxed());
        long size = (long) html.length() + cleaned.length();
        if (CHARS.addAndGet(size) > MAX_CHARS) {
            CLEANED.clear();
            CHARS.set(size);
        }
        CLEANED.put(html, cleaned);
        return cleaned;
    }
}
