package fr.usinesouvertes.events.moderation;

import fr.usinesouvertes.events.company.VisitCancellations;
import fr.usinesouvertes.events.company.AdminRequests;
import fr.usinesouvertes.events.company.AudienceLabels;
import fr.usinesouvertes.events.company.CompanyAppServlet;
import fr.usinesouvertes.events.company.CompanyPages;
import fr.usinesouvertes.events.company.CurrentEdition;
import fr.usinesouvertes.events.company.NotFoundException;
import fr.usinesouvertes.events.company.RefusedException;
import fr.usinesouvertes.events.company.RichText;
import fr.usinesouvertes.events.company.SheetChanges;
import fr.usinesouvertes.events.company.SheetSummary;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisers' moderation app {@value #NAME} (role ADMIN): the queue of submitted event sheets with
 * approve / send back (message e-mailed to the company), the current edition's cancelled visits and published
 * sheets with links to cancel them, and a link to the edition's figures ({@code FiguresServlet}). Forms work without
 * JavaScript.
 */
public final class ModerationServlet extends HttpServlet {

    public static final String NAME = "moderation";
    static final String BASE = "/admin/" + NAME;

    /**
     * A change to a published sheet awaiting moderation.
     *
     * @param submitted when, as shown, or empty
     * @param error     the send-back message's error, or empty
     * @param message   the send-back message as typed, or empty
     */
    public record ChangeItem(int year, String slug, String siteName, String company, String submitted,
                             SheetChanges.ChangeView change, String error, String message) {
    }

    /**
     * A sheet submitted for moderation, with its site and company.
     *
     * @param values      the sheet's form values
     * @param description the sheet's description, cleaned
     * @param slots       each slot on one line: day, times, capacity, audiences
     */
    public record SubmittedSheet(String company, String siteName, String slug, int edition, String address,
                                 String commune, String region, String sector, Map<String, String> values,
                                 String description, List<String> slots) {
    }

    /** A visit or slot cancelled in the edition; {@code slotLabel} is empty for a whole sheet. */
    public record CancellationRow(String siteName, String slotLabel, String reason, String by, String byRole,
                                  String at) {
    }

    private final transient ModerationQueue queue;
    private final transient EditionStore editions;
    private final transient VisitCancellations cancellations;
    private final transient Clock clock;
    private final transient SheetChangeModeration changes;
    private final transient java.time.ZoneId zone;

    /** @param zone the site's time zone, in which the page gives days and times */
    public ModerationServlet(ModerationQueue queue, EditionStore editions, VisitCancellations cancellations,
                             SheetChangeModeration changes, Clock clock, java.time.ZoneId zone) {
        this.changes = changes;
        this.queue = queue;
        this.editions = editions;
        this.cancellations = cancellations;
        this.clock = clock;
        this.zone = zone;
        this.routes = routes();
    }

    private final transient Router<Router.Page> routes;

    private Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> page(request, response, 200, "", Map.of(), Map.of()))
                .get("/{year}/{slug}/annuler", (request, response, route) -> {
                    String slotId = request.getParameter("creneau");
                    cancelPage(request, response, year(route), route.get("slug"),
                            slotId == null || slotId.isBlank() ? null : slotId, 200, Map.of(), List.of());
                })
                .post("/{year}/{slug}/approuver", (request, response, route) -> {
                    queue.approve(year(route), route.get("slug"));
                    done(request, response, "moderation.approved");
                })
                .post("/{year}/{slug}/rejeter", (request, response, route) -> {
                    queue.reject(year(route), route.get("slug"), AdminRequests.fields(request).get("message"));
                    done(request, response, "moderation.rejected");
                })
                .post("/{year}/{slug}/annuler", (request, response, route) -> cancel(request, response, year(route),
                        route.get("slug")))
                .post("/{year}/{slug}/modification/approuver", (request, response, route) -> {
                    SheetChangeModeration.Approval approval = changes.approve(year(route), route.get("slug"));
                    Map<String, String> m = CompanyPages.messages(AdminRequests.lang(request));
                    AdminViews.flash(request, approval.notified() == 0 ? m.get("moderation.changeApproved")
                            : m.get("moderation.changeApprovedNotified").replace("{notified}", Integer.toString(approval.notified())));
                    AdminViews.redirect(response, home(request));
                })
                .post("/{year}/{slug}/modification/renvoyer", (request, response, route) -> sendBack(request, response,
                        year(route), route.get("slug")))
                .build();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        dispatch(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        dispatch(request, response);
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<Router.Match<Router.Page>> route = routes.find(request.getMethod(), request.getPathInfo());
        try {
            if (route.isEmpty()) {
                throw new NotFoundException(request.getPathInfo());
            }
            route.get().handler().handle(request, response, route.get());
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (RefusedException e) {
            page(request, response, 409, e.getMessage(), Map.of(), Map.of());
        }
    }

    /** The route's {@code {year}}: four digits, else no such page. */
    private static int year(Router.Match<Router.Page> route) {
        String year = route.get("year");
        if (!year.matches("[0-9]{4}")) {
            throw new NotFoundException("Edition " + year);
        }
        return Integer.parseInt(year);
    }

    /** The moderation list again, in the request's language. */
    private static String home(HttpServletRequest request) {
        return BASE + "/" + (AdminRequests.lang(request) == Lang.EN ? "?lang=en" : "");
    }

    private static void done(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        AdminViews.flash(request, CompanyPages.messages(AdminRequests.lang(request)).get(message));
        AdminViews.redirect(response, BASE + "/");
    }

    /** Cancels a sheet or one of its slots with the reason given; a missing or bad reason shows the page again (400). */
    private void cancel(HttpServletRequest request, HttpServletResponse response, int year, String slug) throws IOException {
        Map<String, String> values = AdminRequests.fields(request);
        Lang lang = AdminRequests.lang(request);
        String slotId = values.getOrDefault("creneau", "").isBlank() ? null : values.get("creneau");
        Optional<FieldError> error = VisitCancellations.checkReason(values.get("reason"), lang);
        if (error.isPresent()) {
            cancelPage(request, response, year, slug, slotId, 400, values, List.of(error.get()));
            return;
        }
        VisitCancellations.Outcome outcome = cancellations.cancel(year, slug, slotId, values.get("reason"),
                VisitCancellations.Actor.ORGANISER, CurrentAccount.require(request).login(), lang);
        done(request, response, outcome.changed() ? "moderation.cancelled" : "sheet.alreadyCancelled");
    }

    /** Sends a published sheet's change back to the company with a message; without a message, the page again (400). */
    private void sendBack(HttpServletRequest request, HttpServletResponse response, int year, String slug) throws IOException {
        Map<String, String> values = AdminRequests.fields(request);
        Lang lang = AdminRequests.lang(request);
        Optional<String> error = SheetChangeModeration.checkMessage(values.get("message"), lang);
        if (error.isPresent()) {
            page(request, response, 400, "", Map.of(slug, error.get()), Map.of(slug, values.getOrDefault("message", "")));
            return;
        }
        changes.sendBack(year, slug, values.get("message"), lang);
        AdminViews.flash(request, CompanyPages.messages(lang).get("moderation.changeSentBack"));
        AdminViews.redirect(response, home(request));
    }

    /** The organisers' confirmation page of a cancellation (the company space's template). */
    private void cancelPage(HttpServletRequest request, HttpServletResponse response, int year, String slug, String slotId,
                            int status, Map<String, String> values, List<FieldError> errors) throws IOException {
        Lang lang = AdminRequests.lang(request);
        VisitCancellations.Impact impact = cancellations.impact(year, slug, slotId, lang);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", CompanyPages.messages(lang));
        model.put("base", BASE);
        CompanyAppServlet.cancelModel(model, impact, slotId, values, errors);
        model.put("action", BASE + "/" + year + "/" + slug + "/annuler" + (lang == Lang.EN ? "?lang=en" : ""));
        model.put("back", BASE + "/");
        response.setStatus(status);
        AdminViews.render(request, response, "events/cancel-visit.ftlh", model);
    }

    /**
     * @param changeErrors  the send-back message's error, by site slug
     * @param changeMessage the send-back message as typed, by site slug
     */
    private void page(HttpServletRequest request, HttpServletResponse response, int status, String refusal,
                      Map<String, String> changeErrors, Map<String, String> changeMessage) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Map<String, Object> model = new LinkedHashMap<>();
        List<ChangeItem> changeItems = new ArrayList<>();
        for (SheetChangeModeration.Item item : changes.pending(lang)) {
            changeItems.add(new ChangeItem(item.year(), item.siteSlug(), item.siteName(), item.company(),
                    item.submitted() == null ? "" : FrenchDates.dayAndTime(item.submitted(), zone, lang),
                    new SheetChanges.ChangeView(item.change().status(), "", item.change().fields(),
                            item.change().slots()),
                    changeErrors.getOrDefault(item.siteSlug(), ""), changeMessage.getOrDefault(item.siteSlug(), "")));
        }
        model.put("changes", changeItems);
        model.put("langQuery", lang == Lang.EN ? "?lang=en" : "");
        model.put("m", CompanyPages.messages(lang));
        model.put("base", BASE);
        model.put("refusal", refusal);
        List<SubmittedSheet> items = new ArrayList<>();
        for (ModerationItem item : queue.submitted()) {
            items.add(item(item, editions.find(item.sheet().edition()).orElse(null), lang));
        }
        model.put("items", items);
        Edition edition = CurrentEdition.of(editions, clock, zone).orElse(null);
        int year = edition == null ? java.time.Year.now(clock).getValue() : edition.year();
        model.put("year", year);
        List<CancellationRow> cancelled = new ArrayList<>();
        for (VisitCancellations.Cancellation c : cancellations.cancellations(year)) {
            cancelled.add(new CancellationRow(c.siteName(), c.slotLabel() == null ? "" : c.slotLabel(), c.reason(),
                    c.by(), c.byRole(), FrenchDates.dayAndTime(c.at(), zone, lang)));
        }
        model.put("cancellations", cancelled);
        model.put("published", cancellations.published(year, lang));
        response.setStatus(status);
        AdminViews.render(request, response, "events/moderation.ftlh", model);
    }

    private static SubmittedSheet item(ModerationItem item, Edition edition, Lang lang) {
        SheetSummary sheet = item.sheet();
        String description = RichText.clean(sheet.values().getOrDefault("description", ""));
        List<String> slots = new ArrayList<>();
        for (SheetSummary.SlotSummary slot : sheet.slots()) {
            String day = edition == null ? slot.dayName() : edition.days().stream().filter(d -> d.name().equals(slot.dayName()))
                    .findFirst().map(d -> FrenchDates.dayWithWeekday(d.date(), lang)).orElse(slot.dayName());
            slots.add(day + ", " + slot.start() + "–" + slot.end() + " · " + slot.capacity() + " pers. · "
                    + String.join(", ", slot.audiences().stream()
                    .map(id -> Audience.fromId(id).map(a -> AudienceLabels.of(a, lang)).orElse(id)).toList()));
        }
        return new SubmittedSheet(item.company(), sheet.siteName(), sheet.siteSlug(), sheet.edition(), item.address(),
                item.commune(), item.region(), item.sector(), sheet.values(), description == null ? "" : description,
                slots);
    }
}
