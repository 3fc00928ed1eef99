package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.company.AdminRequests;
import fr.usinesouvertes.events.company.CompanyPages;
import fr.usinesouvertes.events.company.FrenchRegions;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.registration.RegistrationValidator;
import fr.usinesouvertes.events.schools.TransportFunding;
import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.module.AdminViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisers' app {@value #NAME} (role ADMIN): an edition's transport-funding requests ({@link TransportFunding})
 * with the estimated way, head count and amount asked; approve one with an amount or refuse it with a message (the
 * teacher is e-mailed); each region's budget and totals against it; the approved cases as CSV for payment
 * ({@code export.csv?edition=}). A bad field answers the page again with 400 and the error next to the field.
 */
public final class TransportFundingServlet extends RoutedServlet {

    public static final String NAME = "transport-scolaire";
    static final String BASE = "/admin/" + NAME;
    private static final long MAX_BUDGET = 100_000_000;

    private final transient TransportFunding funding;
    private final transient EditionStore editions;

    public TransportFundingServlet(TransportFunding funding, EditionStore editions) {
        this.funding = funding;
        this.editions = editions;
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> page(request, response, 200, null, Map.of(), Map.of()))
                .get("/export.csv", (request, response, route) -> export(request, response))
                .post("/budget", (request, response, route) -> budget(request, response))
                .post("/{id}/accorder", (request, response, route) -> decide(request, response, route.get("id"), true))
                .post("/{id}/refuser", (request, response, route) -> decide(request, response, route.get("id"), false))
                .build();
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String caseId,
                      Map<String, String> values, Map<String, String> errors) throws IOException {
        List<Integer> years = AdminForms.years(editions);
        int year = AdminForms.year(request.getParameter("edition"), years).orElse(years.isEmpty() ? 0 : years.get(0));
        List<TransportFunding.Case> cases = year == 0 ? List.of() : funding.cases(year);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", CompanyPages.messages(AdminRequests.lang(request)));
        model.put("base", BASE);
        model.put("years", years);
        model.put("year", year);
        model.put("regions", FrenchRegions.ALL);
        model.put("cases", cases);
        model.put("totals", year == 0 ? List.of() : funding.totals(year, cases));
        model.put("caseId", caseId == null ? "" : caseId);
        model.put("values", values);
        model.put("fieldErrors", errors);
        model.put("errors", AdminForms.errorList(errors));
        response.setStatus(status);
        AdminViews.render(request, response, "events/transport-funding.ftlh", model);
    }

    private void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Integer> year = AdminForms.year(request.getParameter("edition"), AdminForms.years(editions));
        if (year.isEmpty()) {
            page(request, response, 400, null, Map.of(), Map.of("edition", messages(request).text("schools.error.edition")));
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"transport-scolaire-" + year.get() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        funding.exportApproved(year.get(), response.getOutputStream());
    }

    private void budget(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> fields = AdminRequests.fields(request);
        Optional<Integer> year = AdminForms.year(fields.get("edition"), AdminForms.years(editions));
        Optional<String> region = FrenchRegions.canonical(fields.getOrDefault("region", ""));
        Long euros = euros(fields.get("budget"), 0, MAX_BUDGET);
        Map<String, String> errors = new LinkedHashMap<>();
        if (year.isEmpty()) {
            errors.put("edition", messages(request).text("schools.error.edition"));
        }
        if (region.isEmpty()) {
            errors.put("region", messages(request).text("funding.error.region"));
        }
        if (euros == null) {
            errors.put("budget", messages(request).format("funding.error.budget", MAX_BUDGET));
        }
        if (!errors.isEmpty()) {
            page(request, response, 400, null, fields, errors);
            return;
        }
        funding.budget(year.get(), region.get(), euros);
        AdminViews.flash(request, messages(request).format("funding.budgetSaved", region.get(), euros));
        AdminViews.redirect(response, BASE + "/?edition=" + year.get());
    }

    private void decide(HttpServletRequest request, HttpServletResponse response, String id, boolean approve)
            throws IOException {
        Map<String, String> fields = AdminRequests.fields(request);
        Optional<Integer> year = AdminForms.year(fields.get("edition"), AdminForms.years(editions));
        if (year.isEmpty()) {
            page(request, response, 400, id, fields, Map.of("edition", messages(request).text("schools.error.edition")));
            return;
        }
        Optional<TransportFunding.Case> found = funding.find(year.get(), id);
        if (found.isEmpty()) {
            page(request, response, 404, null, fields, Map.of("id", messages(request).format("funding.error.unknown", id,
                    Integer.toString(year.get()))));
            return;
        }
        if (found.get().decision() != TransportFunding.Decision.PENDING) {
            page(request, response, 409, id, fields, Map.of("id", messages(request).text("funding.error.decided")));
            return;
        }
        String by = AdminForms.login(request);
        if (approve) {
            Long amount = euros(fields.get("amount"), 1, RegistrationValidator.MAX_TRANSPORT_AMOUNT);
            if (amount == null) {
                page(request, response, 400, id, fields, Map.of("amount", messages(request).format("funding.error.amount",
                        RegistrationValidator.MAX_TRANSPORT_AMOUNT)));
                return;
            }
            funding.approve(year.get(), found.get(), amount, by);
            AdminViews.flash(request, messages(request).format("funding.approvedFlash", found.get().school(), amount));
        } else {
            String message = fields.getOrDefault("message", "").strip();
            if (message.length() < 10 || message.length() > TransportFunding.MAX_MESSAGE) {
                page(request, response, 400, id, fields, Map.of("message", messages(request).format("funding.error.message",
                        TransportFunding.MAX_MESSAGE)));
                return;
            }
            funding.refuse(year.get(), found.get(), message, by);
            AdminViews.flash(request, messages(request).format("funding.refusedFlash", found.get().school()));
        }
        AdminViews.redirect(response, BASE + "/?edition=" + year.get());
    }

    private static Messages messages(HttpServletRequest request) {
        return Messages.of(Messages.COMPANY, AdminRequests.lang(request));
    }

    private static Long euros(String text, long min, long max) {
        String value = text == null ? "" : text.strip().replace(" ", "");
        if (!value.matches("[0-9]{1,10}")) {
            return null;
        }
        long euros = Long.parseLong(value);
        return euros < min || euros > max ? null : euros;
    }
}
