package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.i18n.Lang;
import java.util.Map;

/** {@code searchfn} in templates: the site search results page calls {@code searchfn.content(q, lang, limit, offset)}. */
public final class ContentSearchFunctions {

    private static final int MAX_TEXT = 200;

    private final ContentSearch search;

    public ContentSearchFunctions(ContentSearch search) {
        this.search = search;
    }

    /** Pages and press releases matching {@code q}; too long a text is cut, limits are kept in range. */
    public Map<String, Object> content(String q, String lang, Number limit, Number offset) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        int size = Math.max(1, Math.min(ContentSearch.MAX_LIMIT, limit == null ? 10 : limit.intValue()));
        int from = Math.max(0, Math.min(10_000, offset == null ? 0 : offset.intValue()));
        return search.search(text, null, "en".equals(lang) ? Lang.EN : Lang.FR, size, from);
    }
}
