package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the query parameters of {@code GET /.rest/search/v1} into a {@link SiteQuery}, refusing
 * anything out of range with a {@link SearchParameterException} naming the parameter.
 *
 * <p>"Within N minutes" ({@code minutes}) is approximated from straight-line distance: a coach
 * averages 60 km/h on the road and roads are about 1.3 times longer than the straight line, so
 * {@code km = minutes × 60 / 60 / 1.3}: 45 minutes ≈ 35 km.
 */
public final class SearchParameters {

    static final int MAX_LIMIT = 100;
    static final int MAX_OFFSET = 10_000;
    static final double MAX_KM = 2_000;
    static final int MAX_TEXT = 200;
    static final double ROAD_SPEED_KMH = 60;
    static final double ROAD_DETOUR_FACTOR = 1.3;
    private static final Set<String> KNOWN = Set.of("q", "region", "department", "sector", "day", "audience",
            "placesLeft", "near", "lat", "lon", "km", "minutes", "limit", "offset", "lang");

    private final CommunesTable communes;

    /** {@code communes} may be null (tests): then {@code near} answers that the table is missing. */
    public SearchParameters(CommunesTable communes) {
        this.communes = communes;
    }

    public SiteQuery read(Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new SearchParameterException(name, "unknownParameter", "Unknown parameter '" + name
                        + "'; known: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        String text = single(parameters, "q", "");
        if (text.length() > MAX_TEXT) {
            throw new SearchParameterException("q", "invalidParameter", "q must be at most " + MAX_TEXT + " characters");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dimension : List.of(SiteFields.REGION, SiteFields.DEPARTMENT, SiteFields.SECTOR)) {
            putFilter(filters, dimension, values(parameters, dimension));
        }
        List<String> days = values(parameters, SiteFields.DAY);
        days.forEach(SearchParameters::checkDay);
        putFilter(filters, SiteFields.DAY, days);
        List<String> audiences = values(parameters, SiteFields.AUDIENCE);
        for (String audience : audiences) {
            if (Audience.fromId(audience).filter(Audience::isVisitor).isEmpty()) {
                throw new SearchParameterException("audience", "invalidParameter",
                        "audience must be school, franceTravail or public, not '" + audience + "'");
            }
        }
        putFilter(filters, SiteFields.AUDIENCE, audiences);
        String placesLeft = single(parameters, "placesLeft", "");
        if (!placesLeft.isEmpty() && !placesLeft.equals("any") && !placesLeft.equals("none")) {
            throw new SearchParameterException("placesLeft", "invalidParameter", "placesLeft must be any or none");
        }
        putFilter(filters, SiteFields.PLACES_LEFT, placesLeft.isEmpty() ? List.of() : List.of(placesLeft));
        SiteQuery.GeoPoint point = point(parameters);
        Double km = radius(parameters);
        if (km != null && point == null) {
            throw new SearchParameterException(parameters.containsKey("km") ? "km" : "minutes", "invalidParameter",
                    "A distance needs a point: give near=<commune or postal code> or lat and lon");
        }
        int limit = integer(parameters, "limit", 20, 1, MAX_LIMIT);
        int offset = integer(parameters, "offset", 0, 0, MAX_OFFSET);
        String lang = single(parameters, "lang", "fr");
        if (!lang.equals("fr") && !lang.equals("en")) {
            throw new SearchParameterException("lang", "invalidParameter", "lang must be fr or en");
        }
        return new SiteQuery(text.strip(), filters, point, km, limit, offset, Lang.fromCode(lang));
    }

    private SiteQuery.GeoPoint point(Map<String, List<String>> parameters) {
        boolean hasLat = parameters.containsKey("lat");
        boolean hasLon = parameters.containsKey("lon");
        String near = single(parameters, "near", "");
        if (!near.isBlank() && (hasLat || hasLon)) {
            throw new SearchParameterException("near", "invalidParameter", "Give either near or lat/lon, not both");
        }
        if (hasLat != hasLon) {
            String missing = hasLat ? "lon" : "lat";
            throw new SearchParameterException(missing, "missingParameter", "lat and lon go together: " + missing + " is missing");
        }
        if (hasLat) {
            return new SiteQuery.GeoPoint(decimal(parameters, "lat", -90, 90), decimal(parameters, "lon", -180, 180));
        }
        if (near.isBlank()) {
            return null;
        }
        if (communes == null) {
            throw new SearchParameterException("near", "communesMissing", "The communes table is not installed on "
                    + "this server, so near=<commune> cannot be resolved; search with lat and lon instead");
        }
        try {
            Commune commune = communes.resolve(near);
            return new SiteQuery.GeoPoint(commune.latitude(), commune.longitude());
        } catch (CommuneNotFoundException e) {
            List<Map<String, String>> candidates = e.candidates().stream().map(c -> Map.of("name", c.name(),
                    "department", c.department(), "inseeCode", c.inseeCode(),
                    "postalCode", c.mainPostalCode())).toList();
            throw new SearchParameterException("near", candidates.isEmpty() ? "communeNotFound" : "communeAmbiguous",
                    e.getMessage(), candidates);
        }
    }

    private static Double radius(Map<String, List<String>> parameters) {
        boolean hasKm = parameters.containsKey("km");
        boolean hasMinutes = parameters.containsKey("minutes");
        if (hasKm && hasMinutes) {
            throw new SearchParameterException("minutes", "invalidParameter", "Give either km or minutes, not both");
        }
        if (hasMinutes) {
            double minutes = decimal(parameters, "minutes", 1, 600);
            return minutesToKm(minutes);
        }
        return hasKm ? decimal(parameters, "km", 0.1, MAX_KM) : null;
    }

    /** A radius as {@code km} takes it (0.1 to {@value #MAX_KM}); a refusal naming {@code km} otherwise. */
    public static double km(String text) {
        return decimal(Map.of("km", List.of(text)), "km", 0.1, MAX_KM);
    }

    /** The straight-line radius reached in {@code minutes} by road (see the class comment). */
    public static double minutesToKm(double minutes) {
        return minutes / 60 * ROAD_SPEED_KMH / ROAD_DETOUR_FACTOR;
    }

    private static void checkDay(String day) {
        try {
            LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new SearchParameterException("day", "invalidParameter", "day must be a date like 2026-10-09, not '"
                    + day + "'");
        }
    }

    private static void putFilter(Map<String, List<String>> filters, String dimension, List<String> values) {
        if (!values.isEmpty()) {
            filters.put(dimension, values);
        }
    }

    private static List<String> values(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of()).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
        if (values.size() > 50 || values.stream().anyMatch(value -> value.length() > 100)) {
            throw new SearchParameterException(name, "invalidParameter", name + " has too many or too long values");
        }
        return values;
    }

    private static String single(Map<String, List<String>> parameters, String name, String fallback) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new SearchParameterException(name, "invalidParameter", name + " must be given once");
        }
        return values.isEmpty() ? fallback : values.get(0);
    }

    private static double decimal(Map<String, List<String>> parameters, String name, double min, double max) {
        String text = single(parameters, name, "").strip();
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SearchParameterException(name, "invalidParameter", name + " must be a number between " + min
                    + " and " + max + ", not '" + text + "'");
        }
    }

    private static int integer(Map<String, List<String>> parameters, String name, int fallback, int min, int max) {
        String text = single(parameters, name, "").strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SearchParameterException(name, "invalidParameter", name + " must be a whole number between "
                    + min + " and " + max + ", not '" + text + "'");
        }
    }
}
