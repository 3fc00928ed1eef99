package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.company.AdminRequests;
import fr.usinesouvertes.events.company.CompanyPages;
import fr.usinesouvertes.events.company.FrenchRegions;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.schools.ProposalText;
import fr.usinesouvertes.events.schools.SchoolImports;
import fr.usinesouvertes.events.schools.SchoolProposals;
import fr.usinesouvertes.events.schools.SchoolsNearSites;
import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.module.AdminViews;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisers' app {@value #NAME} (role ADMIN): import the schools directory (the Annuaire de l'éducation CSV,
 * uploaded, imported in the background with its progress: {@link SchoolImports}); propose visits per region or per site
 * ({@link SchoolProposals}) and follow the answers per region; edit the proposal's text ({@link ProposalText}).
 * A bad field answers the page again with 400 and the error next to the field.
 */
@jakarta.servlet.annotation.MultipartConfig(maxFileSize = SchoolsAdminServlet.MAX_FILE,
        maxRequestSize = SchoolsAdminServlet.MAX_FILE + 64 * 1024)
public final class SchoolsAdminServlet extends RoutedServlet {

    public static final String NAME = "ecoles";
    static final String BASE = "/admin/" + NAME;
    /** The whole directory is about 60 MB with every column. */
    static final long MAX_FILE = 200L * 1024 * 1024;

    private final transient SchoolImports imports;
    private final transient SchoolProposals proposals;
    private final transient ProposalText text;
    private final transient EditionStore editions;

    public SchoolsAdminServlet(SchoolImports imports, SchoolProposals proposals, ProposalText text, EditionStore editions) {
        this.imports = imports;
        this.proposals = proposals;
        this.text = text;
        this.editions = editions;
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> page(request, response, 200, Map.of(), Map.of()))
                .post("/import", (request, response, route) -> upload(request, response))
                .post("/propositions", (request, response, route) -> propose(request, response))
                .post("/texte", (request, response, route) -> saveText(request, response))
                .build();
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> values,
                      Map<String, String> errors) throws IOException {
        Map<String, String> m = CompanyPages.messages(AdminRequests.lang(request));
        List<Integer> years = AdminForms.years(editions);
        int year = AdminForms.year(request.getParameter("edition"), years).orElse(years.isEmpty() ? 0 : years.get(0));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", m);
        model.put("base", BASE);
        model.put("years", years);
        model.put("year", year);
        model.put("regions", FrenchRegions.ALL);
        model.put("progress", imports.latest().orElse(null));
        model.put("figures", year == 0 ? List.of() : proposals.figures(year));
        ProposalText.Text current = text.current();
        Map<String, String> shown = new LinkedHashMap<>(Map.of("subject", current.subject(), "body", current.body()));
        shown.putAll(values);
        model.put("values", shown);
        model.put("fieldErrors", errors);
        model.put("errors", AdminForms.errorList(errors));
        model.put("placeholders", ProposalText.PLACEHOLDERS);
        response.setStatus(status);
        AdminViews.render(request, response, "events/schools.ftlh", model);
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Part file;
        try {
            file = request.getPart("file");
        } catch (ServletException | IllegalStateException e) {
            page(request, response, 413, Map.of(), Map.of("file", messages(request).format("schools.error.fileTooLarge",
                    MAX_FILE / 1024 / 1024)));
            return;
        }
        if (file == null || file.getSize() == 0) {
            page(request, response, 400, Map.of(), Map.of("file", messages(request).text("schools.error.noFile")));
            return;
        }
        String name = file.getSubmittedFileName() == null ? "annuaire.csv" : file.getSubmittedFileName();
        try (InputStream in = file.getInputStream()) {
            imports.submit(in, name, checked(request, "withPrimary"), checked(request, "skipBadRows"), AdminForms.login(request));
        }
        AdminViews.flash(request, CompanyPages.messages(AdminRequests.lang(request)).get("schools.importQueued"));
        AdminViews.redirect(response, BASE + "/");
    }

    private void propose(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> fields = AdminRequests.fields(request);
        List<Integer> years = AdminForms.years(editions);
        var year = AdminForms.year(fields.get("edition"), years);
        String region = fields.getOrDefault("region", "").strip();
        String site = fields.getOrDefault("site", "").strip();
        Messages m = messages(request);
        Map<String, String> errors = new LinkedHashMap<>();
        if (year.isEmpty()) {
            errors.put("edition", m.text("schools.error.edition"));
        }
        if (region.isEmpty() == site.isEmpty()) {
            errors.put("region", m.text("schools.error.regionOrSite"));
        } else if (!region.isEmpty() && FrenchRegions.canonical(region).isEmpty()) {
            errors.put("region", m.format("schools.error.unknownRegion", region));
        } else if (!site.isEmpty() && !site.matches("[a-z0-9-]{1,100}")) {
            errors.put("site", m.text("schools.error.site"));
        }
        if (!errors.isEmpty()) {
            page(request, response, 400, fields, errors);
            return;
        }
        SchoolProposals.Target target = site.isEmpty()
                ? SchoolProposals.Target.region(FrenchRegions.canonical(region).orElseThrow())
                : SchoolProposals.Target.site(site);
        SchoolProposals.SendResult result = proposals.send(year.get(), target, SchoolsNearSites.DEFAULT_MINUTES,
                checked(request, "again"), AdminForms.login(request));
        if (result.sites() == 0) {
            page(request, response, 400, fields, Map.of(site.isEmpty() ? "region" : "site",
                    m.format("schools.error.noSite", Integer.toString(year.get()))));
            return;
        }
        AdminViews.flash(request, m.format("schools.sent", result.queued(), result.sites(), result.alreadyProposed(),
                result.withoutAddress()));
        AdminViews.redirect(response, BASE + "/?edition=" + year.get());
    }

    private void saveText(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> fields = AdminRequests.fields(request);
        Map<String, String> errors = ProposalText.problems(fields.get("subject"), fields.get("body"), messages(request));
        if (!errors.isEmpty()) {
            page(request, response, 400, fields, errors);
            return;
        }
        text.save(fields.get("subject"), fields.get("body"), AdminForms.login(request));
        AdminViews.flash(request, CompanyPages.messages(AdminRequests.lang(request)).get("schools.textSaved"));
        AdminViews.redirect(response, BASE + "/");
    }

    private static Messages messages(HttpServletRequest request) {
        return Messages.of(Messages.COMPANY, AdminRequests.lang(request));
    }

    private static boolean checked(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value != null && (value.equals("true") || value.equals("on"));
    }
}
