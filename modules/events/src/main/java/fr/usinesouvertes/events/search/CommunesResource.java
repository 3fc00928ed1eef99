package fr.usinesouvertes.events.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.rest/communes/v1?q=…&limit=…}: communes whose name or postal code starts with {@code q}, most populous
 * first (the company space's commune combobox). Each has {@code inseeCode}, {@code name}, {@code department},
 * {@code region}, {@code postalCodes}, a {@code label} to show and the {@code value} to put in the field, which names
 * the commune without ambiguity ("Longueau (80330)"). A bad parameter answers 400 naming it.
 */
@Path("communes/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class CommunesResource {

    static final int DEFAULT_LIMIT = 8;
    static final int MAX_LIMIT = 20;
    static final int MAX_QUERY = 100;

    private final CommunesTable communes;

    public CommunesResource(CommunesTable communes) {
        this.communes = communes;
    }

    @GET
    public Response suggest(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            throw new SearchParameterException("q", "missingParameter", "q (the start of a commune's name or postal code) "
                    + "is required");
        }
        if (text.length() > MAX_QUERY) {
            throw new SearchParameterException("q", "invalidParameter", "q must be at most " + MAX_QUERY + " characters");
        }
        int count = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                count = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX_LIMIT) {
                throw new SearchParameterException("limit", "invalidParameter", "limit must be a whole number between 1 "
                        + "and " + MAX_LIMIT + ", not '" + limit + "'");
            }
        }
        boolean digits = text.chars().allMatch(Character::isDigit);
        List<Map<String, Object>> results = communes.suggest(text, count).stream()
                .map(commune -> result(commune, digits ? text : "")).toList();
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(Map.of("results", results)).cacheControl(cache).build();
    }

    /** A suggestion; {@code postalPrefix} picks the postal code shown first and put in the value. */
    private static Map<String, Object> result(Commune commune, String postalPrefix) {
        String postalCode = commune.postalCodes().stream().filter(code -> code.startsWith(postalPrefix)).findFirst()
                .orElse(commune.mainPostalCode());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("inseeCode", commune.inseeCode());
        result.put("name", commune.name());
        result.put("department", commune.department());
        result.put("region", commune.region());
        result.put("postalCodes", commune.postalCodes());
        result.put("label", commune.name() + " (" + commune.department() + ")"
                + (postalCode.isEmpty() ? "" : " – " + postalCode));
        result.put("value", postalCode.isEmpty() ? commune.label() : commune.name() + " (" + postalCode + ")");
        return result;
    }
}
