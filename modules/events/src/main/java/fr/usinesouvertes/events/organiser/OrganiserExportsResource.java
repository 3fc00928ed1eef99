package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.export.RegistrationCsvExport;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * The organisers' exports from the running platform, for administrators' sessions (401 without a session, 403
 * for other roles): {@code GET /.rest/organiser/v1/exports/registrations.csv?edition=2026[&region=…][&site=…]}
 * (an edition's registrations: personal data, hence administrators only) and
 * {@code .../recruitment-needs.csv?edition=2026[&region=…]} (the sites' recruitment needs for France Travail) and
 * {@code .../france-travail.csv?edition=2026[&region=…]} (the France Travail groups: candidates registered and present).
 * The same files as the {@code registrations export} and {@code recruitment export} commands, which need the
 * platform stopped. The back office's "Exports" page links here.
 */
@Path("organiser/v1/exports")
public final class OrganiserExportsResource {

    private final ContentRepository repository;
    private final java.time.ZoneId zone;
    private final EditionStore editions;

    /** @param zone the site's time zone, in which the files give dates and times */
    public OrganiserExportsResource(ContentRepository repository, java.time.ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
        this.editions = new EditionStore(repository, zone);
    }

    @GET
    @Path("registrations.csv")
    @Produces(RegistrationCsvExport.MEDIA_TYPE)
    public Response registrations(@Context HttpServletRequest request, @QueryParam("edition") String edition,
                                  @QueryParam("region") String region, @QueryParam("site") String site) {
        requireAdministrator(request);
        int year = edition(edition);
        RegistrationExport export = new RegistrationExport(repository, zone);
        List<Visit> slots = export.slots(year, blankToNull(site), blankToNull(region));
        if (blankToNull(site) != null && slots.isEmpty()) {
            throw ApiException.notFound("unknownSite", "site: no published slot of site '" + site.strip() + "' in " + year);
        }
        StreamingOutput body = out -> export.write(slots, out);
        return attachment(body, "inscriptions-" + year + suffix(region, site) + ".csv");
    }

    @GET
    @Path("recruitment-needs.csv")
    @Produces(RegistrationCsvExport.MEDIA_TYPE)
    public Response recruitmentNeeds(@Context HttpServletRequest request, @QueryParam("edition") String edition,
                                     @QueryParam("region") String region) {
        requireAdministrator(request);
        int year = edition(edition);
        StreamingOutput body = out -> new RecruitmentCsvExport(repository).write(year, blankToNull(region), out);
        return attachment(body, "besoins-recrutement-" + year + suffix(region, null) + ".csv");
    }

    @GET
    @Path("france-travail.csv")
    @Produces(RegistrationCsvExport.MEDIA_TYPE)
    public Response franceTravail(@Context HttpServletRequest request, @QueryParam("edition") String edition,
                                  @QueryParam("region") String region) {
        requireAdministrator(request);
        int year = edition(edition);
        List<Visit> slots = new RegistrationExport(repository, zone).slots(year, null, blankToNull(region));
        StreamingOutput body = out -> new FranceTravailExport(repository, zone).write(slots, out);
        return attachment(body, "france-travail-" + year + suffix(region, null) + ".csv");
    }

    private static void requireAdministrator(HttpServletRequest request) {
        Account account = CurrentAccount.of(request).orElseThrow(() -> new ApiException(Response.Status.UNAUTHORIZED,
                "notLoggedIn", "Log in to the back office (/admin/login) as an administrator to download exports"));
        if (!account.has(Role.ADMIN)) {
            throw new ApiException(Response.Status.FORBIDDEN, "forbidden", "Only administrators may download exports");
        }
    }

    /** The edition's year: 400 naming the parameter when it is missing or not a year, 404 for an unknown edition. */
    private int edition(String text) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[0-9]{4}")) {
            throw ApiException.badRequest("invalidEdition",
                    "edition: expected the edition's year, e.g. edition=2026" + (value.isEmpty() ? "" : ", not '" + value + "'"));
        }
        int year = Integer.parseInt(value);
        if (editions.find(year).isEmpty()) {
            throw ApiException.notFound("unknownEdition", "edition: there is no edition " + year);
        }
        return year;
    }

    private static Response attachment(StreamingOutput body, String fileName) {
        return Response.ok(body, RegistrationCsvExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", CacheControl.PRIVATE)
                .build();
    }

    /** {@code -<site>} or {@code -<region>}, reduced to safe file-name characters. */
    private static String suffix(String region, String site) {
        String part = blankToNull(site) != null ? site : blankToNull(region);
        if (part == null) {
            return "";
        }
        String ascii = java.text.Normalizer.normalize(part.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return "-" + ascii.replaceAll("^-|-$", "");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
