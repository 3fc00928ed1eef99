package fr.usinesouvertes.platform.rendering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans rich text against the allow-list of what the back office's editor produces, parsing it with
 * jsoup (never matching markup with regular expressions): paragraphs, {@code h2}–{@code h4}, bold and
 * italic, lists, quotes, tables ({@code th} with {@code scope}, cells with {@code colspan}/{@code rowspan}),
 * links to the site's pages (paths starting with one {@code /}, with the page's id, see {@link RichTextPageLinks}), anchors, {@code https:} and
 * {@code mailto:} addresses, and images whose {@code src} is a media-library address ({@code /dam/...})
 * with their alternative text. Anything else is removed: an element not allowed leaves its text in place
 * (a script or style leaves nothing), an attribute not allowed goes, an image from elsewhere goes whole.
 *
 * <p>Cleaning is a pure function of the text and costs far more than rendering the rest of a page, so a
 * platform's page renderers share one sanitizer that remembers results by input, within a bound in
 * characters (input and result; the least useful texts leave first). {@link #check(String)} also says
 * what was removed, for the editor who saved the text.
 */
public final class RichTextSanitizer {

    static final long MAX_CHARS = 8_000_000;

    /** The allow-list, shared by the renderers and by the back office's forms. */
    static final Safelist SAFELIST = new RichTextSafelist();

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

    /** The cleaned text and what cleaning removed from it (nothing is remembered). */
    public static Result check(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (Element element : dirty.body().getAllElements()) {
            if (element == dirty.body()) {
                continue;
            }
            String tag = element.normalName();
            if (!SAFELIST.isSafeTag(tag)) {
                removed.merge("<" + tag + ">", 1, Integer::sum);
                continue;
            }
            if (tag.equals("img") && !RichTextSafelist.isMediaLibraryImage(element.attr("src"))) {
                removed.merge("<img src=\"" + shorten(element.attr("src")) + "\">", 1, Integer::sum);
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!SAFELIST.isSafeAttribute(tag, element, attribute)) {
                    String name = attribute.getKey().toLowerCase(Locale.ROOT);
                    String what = name.equals("href") ? "href=\"" + shorten(attribute.getValue()) + "\"" : name;
                    removed.merge(what + " (<" + tag + ">)", 1, Integer::sum);
                }
            }
        }
        List<String> descriptions = new ArrayList<>();
        removed.forEach((what, count) -> descriptions.add(count == 1 ? what : what + " ×" + count));
        return new Result(cleanOnce(html), List.copyOf(descriptions));
    }

    private static String cleanOnce(String html) {
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html));
        clean.body().select("img:not([src])").remove(); // an image from outside the media library goes whole
        clean.outputSettings().prettyPrint(false); // the editor's text as it was, without added line breaks
        return clean.body().html();
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "…";
    }

    /**
     * A cleaning: {@code html} is what is kept; {@code removed} describes each kind of element or
     * attribute removed (e.g. {@code <script>}, {@code style (<p>) ×3}), empty when nothing was.
     */
    public record Result(String html, List<String> removed) {
    }

    /** The allow-list, with the rules on link and image addresses and on table attributes. */
    private static final class RichTextSafelist extends Safelist {

        private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,2}");
        private static final Set<String> SCOPES = Set.of("row", "col", "rowgroup", "colgroup");

        RichTextSafelist() {
            addTags("p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "sub", "sup", "ul", "ol", "li",
                    "blockquote", "a", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td");
            addAttributes("a", "href", "title", RichTextPageLinks.ATTRIBUTE);
            addAttributes("img", "src", "alt", "width", "height");
            addAttributes("th", "scope", "colspan", "rowspan");
            addAttributes("td", "colspan", "rowspan");
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            if (!super.isSafeAttribute(tagName, element, attribute)) {
                return false;
            }
            String value = attribute.getValue();
            return switch (attribute.getKey().toLowerCase(Locale.ROOT)) {
                case "href" -> isAllowedLink(value);
                case "src" -> isMediaLibraryImage(value);
                case "colspan", "rowspan", "width", "height" -> NUMBER.matcher(value.trim()).matches();
                case "scope" -> SCOPES.contains(value.trim().toLowerCase(Locale.ROOT));
                case RichTextPageLinks.ATTRIBUTE -> RichTextPageLinks.ID.matcher(value).matches();
                default -> true;
            };
        }

        /** A page of the site ({@code /path}), an anchor, an {@code https:} or {@code mailto:} address. */
        static boolean isAllowedLink(String href) {
            String value = href.trim();
            if (value.isEmpty() || value.indexOf('\\') >= 0 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return false;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            return (value.startsWith("/") && !value.startsWith("//")) || value.startsWith("#")
                    || (lower.startsWith("https://") && value.length() > "https://".length())
                    || (lower.startsWith("mailto:") && value.length() > "mailto:".length());
        }

        /** An address of the media library: {@code /dam/...} on the site itself. */
        static boolean isMediaLibraryImage(String src) {
            String value = src.trim();
            return value.startsWith("/dam/") && value.length() > "/dam/".length() && value.indexOf('\\') < 0
                    && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        }
    }
}
