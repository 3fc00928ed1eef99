package fr.usinesouvertes.events.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a visitor asked the directory page for, read from the page's query string: only the directory's
 * own parameters are kept (anything else, such as tracking parameters, is ignored), in a fixed order, so
 * the same search always gives the same canonical query string (the cache key) and the same links to
 * add or remove a filter or to change page.
 */
public final class DirectoryQuery {

    /** The facet dimensions a visitor can filter on, in the order the page shows them. */
    public static final List<String> FILTERS = List.of("region", "department", "sector", "day", "audience",
            "placesLeft");
    /** Every parameter the directory reads. */
    public static final List<String> PARAMETERS = List.of("q", "near", "km", "region", "department", "sector", "day",
            "audience", "placesLeft", "page");
    /**
     * Parameters of the search API that the page does not take (coordinates, page size...): refused with a
     * message rather than silently ignored, since whoever sends them expects an effect. Other unknown
     * parameters (tracking...) are ignored.
     */
    public static final List<String> REFUSED = List.of("lat", "lon", "limit", "offset", "minutes");
    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 500;
    private static final int MAX_VALUE_LENGTH = 200;

    private final String text;
    private final String near;
    private final String km;
    private final Map<String, List<String>> filters;
    private final int page;
    private final List<String> refused;

    private DirectoryQuery(String text, String near, String km, Map<String, List<String>> filters, int page) {
        this(text, near, km, filters, page, List.of());
    }

    private DirectoryQuery(String text, String near, String km, Map<String, List<String>> filters, int page,
                           List<String> refused) {
        this.text = text;
        this.near = near;
        this.km = km;
        this.filters = filters;
        this.page = page;
        this.refused = refused;
    }

    /** Reads a request's parameters; a missing or unreadable page number is page 1. */
    public static DirectoryQuery of(Map<String, String[]> parameters) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dimension : FILTERS) {
            List<String> values = new ArrayList<>();
            for (String value : parameters.getOrDefault(dimension, new String[0])) {
                String clean = clip(value);
                boolean single = dimension.equals("placesLeft") && !values.isEmpty(); // any or none, not both
                if (!clean.isEmpty() && !values.contains(clean) && !single) {
                    values.add(clean);
                }
            }
            if (!values.isEmpty()) {
                filters.put(dimension, List.copyOf(values));
            }
        }
        List<String> refused = REFUSED.stream().filter(parameters::containsKey).toList();
        return new DirectoryQuery(first(parameters, "q"), first(parameters, "near"), first(parameters, "km"),
                filters, pageNumber(first(parameters, "page")), refused);
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? "" : clip(values[0]);
    }

    private static String clip(String value) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > MAX_VALUE_LENGTH ? stripped.substring(0, MAX_VALUE_LENGTH) : stripped;
    }

    private static int pageNumber(String text) {
        try {
            return Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public String text() {
        return text;
    }

    public String near() {
        return near;
    }

    public String km() {
        return km;
    }

    public int page() {
        return page;
    }

    /** The search API's parameters given to the page, which it refuses ({@link #REFUSED}). */
    public List<String> refused() {
        return refused;
    }

    /**
     * What tells this search's view apart: the canonical query string, and what it leaves out but the view
     * depends on (a radius without a place and refused parameters, both shown as errors).
     */
    public String viewKey() {
        String key = queryString();
        if (near.isEmpty() && !km.isEmpty()) {
            key += "|km=" + km;
        }
        return refused.isEmpty() ? key : key + "|refused=" + String.join(",", refused);
    }

    public Map<String, List<String>> filters() {
        return filters;
    }

    public boolean isSelected(String dimension, String value) {
        return filters.getOrDefault(dimension, List.of()).contains(value);
    }

    /** The same search with a fixed filter added (the schools page: audience school on Fridays). */
    public DirectoryQuery withFixed(String dimension, List<String> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>(filters);
        copy.put(dimension, List.copyOf(values));
        return new DirectoryQuery(text, near, km, copy, page, refused);
    }

    /** The same search with another radius when none was given. */
    public DirectoryQuery withDefaultKm(String defaultKm) {
        return km.isEmpty() ? new DirectoryQuery(text, near, defaultKm, filters, page, refused) : this;
    }

    /** The parameters of the search API ({@link fr.usinesouvertes.events.search.SearchParameters}). */
    public Map<String, List<String>> searchParameters(String lang) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            parameters.put("q", List.of(text));
        }
        parameters.putAll(filters);
        if (!near.isEmpty()) {
            parameters.put("near", List.of(near));
            if (!km.isEmpty()) {
                parameters.put("km", List.of(km.replace(',', '.')));
            }
        }
        parameters.put("limit", List.of(String.valueOf(PAGE_SIZE)));
        parameters.put("offset", List.of(String.valueOf((page - 1) * PAGE_SIZE)));
        parameters.put("lang", List.of(lang));
        return parameters;
    }

    /** The canonical query string of this search, page included ("" for the unfiltered first page). */
    public String queryString() {
        return queryString(filters, page);
    }

    /** The query string with one more filter value, back to page 1. */
    public String adding(String dimension, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(filters);
        List<String> values = new ArrayList<>(copy.getOrDefault(dimension, List.of()));
        if (dimension.equals("placesLeft")) {
            values.clear();
        }
        if (!values.contains(value)) {
            values.add(value);
        }
        copy.put(dimension, values);
        return queryString(ordered(copy), 1);
    }

    /** The query string without one filter value, back to page 1. */
    public String removing(String dimension, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(filters);
        List<String> values = new ArrayList<>(copy.getOrDefault(dimension, List.of()));
        values.remove(value);
        if (values.isEmpty()) {
            copy.remove(dimension);
        } else {
            copy.put(dimension, values);
        }
        return queryString(copy, 1);
    }

    /** The query string without the place and radius, back to page 1. */
    public String removingNear() {
        return new DirectoryQuery(text, "", "", filters, 1).queryString();
    }

    /** The query string searching near another commune (a candidate of an ambiguous name), back to page 1. */
    public String nearing(String commune) {
        return new DirectoryQuery(text, commune, km, filters, 1).queryString();
    }

    /** The query string without the text, back to page 1. */
    public String removingText() {
        return new DirectoryQuery("", near, km, filters, 1).queryString();
    }

    /** The query string of another page of the same search. */
    public String atPage(int number) {
        return queryString(filters, number);
    }

    private static Map<String, List<String>> ordered(Map<String, List<String>> filters) {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (String dimension : FILTERS) {
            if (filters.containsKey(dimension)) {
                ordered.put(dimension, filters.get(dimension));
            }
        }
        return ordered;
    }

    private String queryString(Map<String, List<String>> withFilters, int atPage) {
        StringBuilder query = new StringBuilder();
        append(query, "q", text);
        append(query, "near", near);
        if (!near.isEmpty()) {
            append(query, "km", km);
        }
        withFilters.forEach((dimension, values) -> values.forEach(value -> append(query, dimension, value)));
        if (atPage > 1) {
            append(query, "page", String.valueOf(atPage));
        }
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
