package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import fr.usinesouvertes.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The company space as JSON for the logged-in company user (back-office session cookie), read on the
 * account's own repository session: {@code GET /.rest/companies/v1/sites}, {@code …/sites/{slug}} (with
 * the current edition's sheet), {@code …/slots/{id}/registrations}. 401 without a session, 403 for an
 * account that is not a company's, 404 for what the repository hides (another company's nodes).
 */
@Path("companies/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class CompanyResource {

    private final ContentRepository repository;
    private final CompanySites sites;
    private final EventSheets sheets;
    private final CompanyRegistrations registrations;

    public CompanyResource(ContentRepository repository, CompanySites sites, EventSheets sheets,
                           CompanyRegistrations registrations) {
        this.repository = repository;
        this.sites = sites;
        this.sheets = sheets;
        this.registrations = registrations;
    }

    @GET
    @Path("sites")
    public List<SiteSummary> sites(@Context HttpServletRequest request) {
        return sites.list(company(request));
    }

    @GET
    @Path("sites/{slug}")
    public Map<String, Object> site(@Context HttpServletRequest request, @PathParam("slug") String slug) {
        CompanySession company = company(request);
        try {
            Edition edition = sheets.currentEdition();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("site", sites.find(company, slug));
            body.put("sheet", sheets.find(company, edition.year(), slug).orElse(null));
            return body;
        } catch (NotFoundException e) {
            throw notFound();
        }
    }

    @GET
    @Path("slots/{slotId}/registrations")
    public List<RegistrationRow> registrations(@Context HttpServletRequest request, @PathParam("slotId") String slotId) {
        try {
            return registrations.list(company(request), slotId);
        } catch (NotFoundException e) {
            throw notFound();
        }
    }

    private CompanySession company(HttpServletRequest request) {
        Account account = CurrentAccount.of(request).orElseThrow(() -> new ApiException(Response.Status.UNAUTHORIZED,
                "unauthenticated", "Connectez-vous à l'espace entreprise."));
        if (!account.has(Role.COMPANY) || account.company() == null) {
            throw new ApiException(Response.Status.FORBIDDEN, "forbidden", "Réservé aux comptes entreprise.");
        }
        return new AccountCompanySession(repository, account);
    }

    private static ApiException notFound() {
        return ApiException.notFound("notFound", "Introuvable.");
    }
}
