package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.i18n.Lang;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code searchfn} in templates: the site search results page calls {@code searchfn.content(q, lang, limit,
 * offset)} for pages and press releases and {@code searchfn.sites(q, lang, limit)} for the factories.
 */
public final class ContentSearchFunctions {

    private static final int MAX_TEXT = 200;
    private static final int MAX_SITES = 20;

    private final ContentSearch search;
    private final SiteSearch sites;

    public ContentSearchFunctions(ContentSearch search, SiteSearch sites) {
        this.search = search;
        this.sites = sites;
    }

    /** Pages and press releases matching {@code q}; too long a text is cut, limits are kept in range. */
    public Map<String, Object> content(String q, String lang, Number limit, Number offset) {
        String text = text(q);
        int size = Math.max(1, Math.min(ContentSearch.MAX_LIMIT, limit == null ? 10 : limit.intValue()));
        int from = Math.max(0, Math.min(10_000, offset == null ? 0 : offset.intValue()));
        return search.search(text, null, "en".equals(lang) ? Lang.EN : Lang.FR, size, from);
    }

    /**
     * The open factories matching {@code q} (site, company, commune, sector, descriptions, the company's
     * showcase), best first. Nothing for a blank text.
     */
    public SiteMatches sites(String q, String lang, Number limit) {
        String text = text(q);
        Lang language = "en".equals(lang) ? Lang.EN : Lang.FR;
        String directoryUrl = (language == Lang.EN ? "/en/usines" : "/usines") + "?q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new SiteMatches(0L, List.of(), directoryUrl);
        }
        int size = Math.max(1, Math.min(MAX_SITES, limit == null ? 5 : limit.intValue()));
        Map<String, Object> found = sites.search(new SiteQuery(text, Map.of(), null, null, size, 0, language));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) found.get("results");
        return new SiteMatches(((Number) found.get("total")).longValue(), results, directoryUrl);
    }

    /**
     * The factories found for a text.
     *
     * @param results      as {@code GET /.rest/search/v1} answers them ({@code name}, {@code company}, {@code commune},
     *                     {@code department}, {@code sector}, {@code url}…)
     * @param directoryUrl the directory searching the same text
     */
    public record SiteMatches(long total, List<Map<String, Object>> results, String directoryUrl) {
    }

    private static String text(String q) {
        String text = q == null ? "" : q.strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
