package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.i18n.Lang;
import java.util.List;
import java.util.Map;

/**
 * One validated search: free text, facet filters (values of a dimension are OR-ed, dimensions
 * AND-ed), an optional point with an optional radius, a page and the language of the answer.
 */
public record SiteQuery(String text, Map<String, List<String>> filters, GeoPoint point, Double km,
                        int limit, int offset, Lang lang) {

    /** A WGS84 point. */
    public record GeoPoint(double latitude, double longitude) {
    }

    public SiteQuery {
        filters = Map.copyOf(filters);
    }
}
