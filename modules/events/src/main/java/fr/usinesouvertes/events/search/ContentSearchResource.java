package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.i18n.Lang;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /.rest/search/v1/content}: full-text search of the site's pages and press releases, with
 * {@code q}, {@code type} ({@code page} or {@code pressRelease}; both when absent), {@code lang},
 * {@code limit} (1–50, default 10) and {@code offset}; bad parameters are 400 naming the parameter.
 */
@Path("search/v1/content")
@Produces(MediaType.APPLICATION_JSON)
public final class ContentSearchResource {

    private static final Set<String> PARAMETERS = Set.of("q", "type", "lang", "limit", "offset");
    private static final int MAX_TEXT = 200;
    private static final int MAX_OFFSET = 10_000;

    private final ContentSearch search;

    public ContentSearchResource(ContentSearch search) {
        this.search = search;
    }

    @GET
    public Map<String, Object> search(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new SearchParameterException(name, "unknownParameter", "Unknown parameter '" + name
                        + "'; expected one of q, type, lang, limit, offset");
            }
        }
        String text = query.getFirst("q");
        if (text != null && text.length() > MAX_TEXT) {
            throw new SearchParameterException("q", "invalidParameter", "q must be at most " + MAX_TEXT + " characters");
        }
        String type = query.getFirst("type");
        if (type != null && !type.isBlank() && !ContentSearch.TYPES.contains(type)) {
            throw new SearchParameterException("type", "invalidParameter", "type must be page or pressRelease");
        }
        String lang = query.getFirst("lang");
        if (lang != null && !lang.isBlank() && !lang.equals("fr") && !lang.equals("en")) {
            throw new SearchParameterException("lang", "invalidParameter", "lang must be fr or en");
        }
        int limit = integer(query.getFirst("limit"), "limit", 10, 1, ContentSearch.MAX_LIMIT);
        int offset = integer(query.getFirst("offset"), "offset", 0, 0, MAX_OFFSET);
        return search.search(text, type, "en".equals(lang) ? Lang.EN : Lang.FR, limit, offset);
    }

    private static int integer(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SearchParameterException(name, "invalidParameter", name + " must be a whole number from " + min
                + " to " + max);
    }
}
