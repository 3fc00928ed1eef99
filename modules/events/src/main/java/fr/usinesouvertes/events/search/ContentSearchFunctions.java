package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.i18n.Lang;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
     * showcase), best first: {@code total}, {@code results} (as {@code GET /.rest/search/v1} answers them:
     * {@code name}, {@code company}, {@code commune}, {@code department}, {@code sector}, {@code url}…) and
     * {@code directoryUrl}, the directory searching the same text. Nothing for a blank text.
     */
    public Map<String, Object> sites(String q, String lang, Number limit) {
        String text = text(q);
        Lang language = "en".equals(lang) ? Lang.EN : Lang.FR;
        Map<String, Object> answer = new LinkedHashMap<>();
        if (text.isBlank()) {
            answer.put("total", 0L);
            answer.put("results", List.of());
        } else {
            int size = Math.max(1, Math.min(MAX_SITES, limit == null ? 5 : limit.intValue()));
            Map<String, Object> found = sites.search(new SiteQuery(text, Map.of(), null, null, size, 0, language));
            answer.put("total", ((Number) found.get("total")).longValue());
            answer.put("results", found.get("results"));
        }
        answer.put("directoryUrl", (language == Lang.EN ? "/en/usines" : "/usines") + "?q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8));
        return answer;
    }

    private static String text(String q) {
        String text = q == null ? "" : q.strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
