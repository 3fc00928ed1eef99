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
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Value;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * For the organisers' scripts (administrators' sessions): {@code GET /.rest/organiser/v1/schools/near-site/{site}
 * ?edition=2026[&minutes=45]} — the schools within reach of a site whose published sheet of the edition has a slot open
 * to school groups on a school day (Monday to Friday), of the levels its visits accept (a minimum age above 14 leaves
 * the collèges out, above 17 the lycées), sorted by estimated minutes: {@code {"results": [{"uai", "name", "type",
 * "commune", "km", "minutes"}, …], "estimate": "…"}}. 401 without a session, 403 for another role, 400 naming a bad
 * parameter, 404 for an unknown site or one without such a slot.
 */
@Path("organiser/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
public final class SchoolsResource {

    private final ContentRepository repository;
    private final SchoolsNearSites near;
    private final ZoneId zone;

    public SchoolsResource(ContentRepository repository, SchoolsNearSites near, ZoneId zone) {
        this.repository = repository;
        this.near = near;
        this.zone = zone;
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
        VisitedSite visited = repository.read(session -> {
            String path = "/sites/" + site;
            if (!session.nodeExists(path)) {
                throw ApiException.notFound("unknownSite", "site: there is no site '" + site + "'");
            }
            Node node = session.getNode(path);
            if (!node.hasProperty("latitude") || !node.hasProperty("longitude")) {
                throw ApiException.notFound("siteWithoutPosition", "site: '" + site + "' has no position");
            }
            return new VisitedSite(node.getProperty("latitude").getDouble(), node.getProperty("longitude").getDouble(),
                    levels(session, year, site));
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

    private record VisitedSite(double latitude, double longitude, Set<School.Level> levels) {
    }

    /** The levels the site's published sheet accepts on school days; 404 when it has no such slot. */
    private Set<School.Level> levels(javax.jcr.Session session, int year, String site) throws javax.jcr.RepositoryException {
        String path = "/events/" + year + "/" + site;
        boolean schoolDay = false;
        Node sheet = session.nodeExists(path) ? session.getNode(path) : null;
        String status = sheet == null ? "" : JcrUtils.getStringProperty(sheet, "status", "");
        if (sheet != null && (status.equals("published") || status.equals("full")) && sheet.hasNode("slots")) {
            for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext() && !schoolDay; ) {
                Node slot = it.nextNode();
                if (!slot.hasProperty("start") || !slot.hasProperty("audiences")
                        || JcrUtils.getBooleanProperty(slot, "cancelled", false)) {
                    continue;
                }
                DayOfWeek day = slot.getProperty("start").getDate().toInstant().atZone(zone).getDayOfWeek();
                boolean school = false;
                for (Value audience : slot.getProperty("audiences").getValues()) {
                    school |= audience.getString().equals("school");
                }
                schoolDay = school && day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
            }
        }
        if (!schoolDay) {
            throw ApiException.notFound("noSchoolVisit", "site: '" + site + "' has no published slot open to school "
                    + "groups on a school day in " + year);
        }
        long minimumAge = JcrUtils.getLongProperty(sheet, "minimumAge", 0);
        Set<School.Level> levels = EnumSet.allOf(School.Level.class);
        if (minimumAge > 14) {
            levels.remove(School.Level.COLLEGE);
        }
        if (minimumAge > 17) {
            levels.removeAll(Set.of(School.Level.LYCEE_GENERAL, School.Level.LYCEE_TECHNOLOGIQUE,
                    School.Level.LYCEE_PROFESSIONNEL, School.Level.EREA));
        }
        return levels;
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
