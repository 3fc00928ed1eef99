package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import fr.usinesouvertes.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For the organisers' scripts (administrators' sessions): {@code GET /.rest/organiser/v1/schools/near-site/{site}
 * ?edition=2026[&minutes=45]} — the schools within reach of a site the edition opens to school groups
 * ({@link SchoolVisits}), of the levels its visits accept, sorted by estimated minutes: {@code {"results": [{"uai",
 * "name", "type", "commune", "km", "minutes"}, …], "estimate": "…"}}; {@code coverage} and {@code {uai}/factories}. 401 without a session, 403 for another role, 400 naming a bad
 * parameter, 404 for an unknown site or one without such a slot.
 */
@Path("organiser/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
public final class SchoolsResource {

    private final ContentRepository repository;
    private final SchoolsNearSites near;
    private final SchoolVisits visits;

    public SchoolsResource(ContentRepository repository, SchoolsNearSites near, ZoneId zone) {
        this.repository = repository;
        this.near = near;
        this.visits = new SchoolVisits(zone);
    }

    @GET
    @Path("near-site/{site}")
    public Response nearSite(@Context HttpServletRequest request, @PathParam("site") String site,
                             @QueryParam("edition") String edition, @QueryParam("minutes") String minutes) {
        requireAdministrator(request);
        int year = number("edition", edition, 2000, 2100, null);
        int reach = number("minutes", minutes, 5, 180, SchoolsNearSites.DEFAULT_MINUTES);
        if (site == null || !site.matches("[a-z0-9-]{1,100}")) {
            throw ApiException.badRequest("invalidSite", "site: expected the site's identifier, e.g. upsa-agen");
        }
        SchoolVisits.Site visited = repository.read(session -> {
            if (!session.nodeExists("/sites/" + site)) {
                throw ApiException.notFound("unknownSite", "site: there is no site '" + site + "'");
            }
            return visits.one(session, year, site).orElseThrow(() -> ApiException.notFound("noSchoolVisit", "site: '"
                    + site + "' has no published slot open to school groups on a school day in " + year
                    + " (or no position)"));
        });
        List<Map<String, Object>> results = new ArrayList<>();
        for (SchoolsNearSites.Match match : near.near(visited.latitude(), visited.longitude(), visited.levels(), reach)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("uai", match.school().uai());
            result.put("name", match.school().name());
            result.put("type", match.school().type());
            result.put("commune", match.school().commune());
            result.put("km", match.estimate().km());
            result.put("minutes", match.estimate().minutes());
            results.add(result);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("estimate", "Distances and times are estimates (straight line × detour factor at an average speed), "
                + "not routes.");
        return Response.ok(body).header("Cache-Control", CacheControl.PRIVATE).build();
    }

    /**
     * {@code GET coverage?edition=2026[&minutes=45]}: by department and by region, the schools within reach of at least
     * one site the edition opens to school groups, and those with none (where companies are to be found).
     */
    @GET
    @Path("coverage")
    public Response coverage(@Context HttpServletRequest request, @QueryParam("edition") String edition,
                             @QueryParam("minutes") String minutes) {
        requireAdministrator(request);
        int year = number("edition", edition, 2000, 2100, null);
        int reach = number("minutes", minutes, 5, 180, SchoolsNearSites.DEFAULT_MINUTES);
        List<SchoolVisits.Site> sites = repository.read(session -> visits.all(session, year));
        java.util.Set<String> covered = new java.util.HashSet<>();
        for (SchoolVisits.Site site : sites) {
            near.near(site.latitude(), site.longitude(), site.levels(), reach)
                    .forEach(match -> covered.add(match.school().uai()));
        }
        Map<String, long[]> byDepartment = new java.util.TreeMap<>();
        for (School school : near.schools()) {
            long[] counts = byDepartment.computeIfAbsent(school.department(), d -> new long[2]);
            counts[covered.contains(school.uai()) ? 0 : 1]++;
        }
        List<Map<String, Object>> departments = new ArrayList<>();
        byDepartment.forEach((department, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("department", department);
            row.put("covered", counts[0]);
            row.put("uncovered", counts[1]);
            departments.add(row);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("edition", year);
        body.put("minutes", reach);
        body.put("sites", sites.size());
        body.put("covered", covered.size());
        body.put("uncovered", near.schools().size() - covered.size());
        body.put("byDepartment", departments);
        body.put("estimate", "Travel times are estimates (straight line × detour factor at an average speed), not routes.");
        return Response.ok(body).header("Cache-Control", CacheControl.PRIVATE).build();
    }

    /** {@code GET {uai}/factories?edition=2026[&minutes=45]}: the sites a school reaches, nearest first. */
    @GET
    @Path("{uai}/factories")
    public Response factories(@Context HttpServletRequest request, @PathParam("uai") String uai,
                              @QueryParam("edition") String edition, @QueryParam("minutes") String minutes) {
        requireAdministrator(request);
        int year = number("edition", edition, 2000, 2100, null);
        int reach = number("minutes", minutes, 5, 180, SchoolsNearSites.DEFAULT_MINUTES);
        School school = near.schools().stream().filter(s -> s.uai().equals(uai)).findFirst().orElseThrow(() ->
                ApiException.notFound("unknownSchool", "uai: no school " + uai + " in the directory"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (SchoolVisits.Site site : repository.read(session -> visits.all(session, year))) {
            if (school.levels().stream().noneMatch(site.levels()::contains)) {
                continue;
            }
            TravelTime.Estimate estimate = near.estimate(school, site.latitude(), site.longitude());
            if (estimate.minutes() <= reach) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("site", site.slug());
                row.put("name", site.name());
                row.put("km", estimate.km());
                row.put("minutes", estimate.minutes());
                results.add(row);
            }
        }
        results.sort(java.util.Comparator.comparingInt(row -> (Integer) row.get("minutes")));
        return Response.ok(Map.of("results", results)).header("Cache-Control", CacheControl.PRIVATE).build();
    }

    private static void requireAdministrator(HttpServletRequest request) {
        Account account = CurrentAccount.of(request).orElseThrow(() -> new ApiException(Response.Status.UNAUTHORIZED,
                "notLoggedIn", "Log in to the back office (/admin/login) as an administrator"));
        if (!account.has(Role.ADMIN)) {
            throw new ApiException(Response.Status.FORBIDDEN, "forbidden", "Only administrators may read the schools");
        }
    }

    private static int number(String name, String text, int min, int max, Integer fallback) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() && fallback != null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw ApiException.badRequest("invalid" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    name + ": expected a whole number from " + min + " to " + max
                            + (value.isEmpty() ? "" : ", not '" + value + "'"));
        }
        return Integer.parseInt(value);
    }
}
