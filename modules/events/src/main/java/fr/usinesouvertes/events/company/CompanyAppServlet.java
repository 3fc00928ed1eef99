package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.export.RegistrationCsvExport;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.search.Commune;
import fr.usinesouvertes.events.search.CommunesTable;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The company space, back-office app {@value #NAME} (role COMPANY), without JavaScript: the company's
 * sites (create, edit), each site's event sheet for the current edition (edit, submit, cancel), the
 * registrations of its slots with CSV exports, and recruitment needs after the event. Everything is read
 * and written on the account's own repository session; what the ACLs hide answers 404.
 */
@jakarta.servlet.annotation.MultipartConfig(maxFileSize = SitePhotos.MAX_BYTES, maxRequestSize = SitePhotos.MAX_BYTES + 64 * 1024)
public final class CompanyAppServlet extends HttpServlet {

    public static final String NAME = "entreprise";
    static final String BASE = "/admin/" + NAME;

    /** A site on the company's home page, with its sheet's status ({@code none} without one) for the edition. */
    public record SiteRow(String slug, String name, String commune, String region, String status,
                          String rejectionMessage) {
    }

    /** A slot of the sheet page, with its counts. */
    public record SlotRow(String id, String label, long booked, long capacity, long waiting, boolean cancelled) {
    }

    /** A slot of the registrations page, with its counts and its registrations in booking order. */
    public record SlotRegistrations(String id, String label, long booked, long capacity, long waiting,
                                    List<RegistrationRow> rows) {
    }

    private final transient ContentRepository repository;
    private final transient CompanySites sites;
    private final transient EventSheets sheets;
    private final transient CompanyRegistrations registrations;
    private final transient RecruitmentNeeds needs;
    private final transient CompanySignUp signUp;
    private final transient SitePhotos photos;
    private final transient CommunesTable communes;
    private final transient VisitCancellations cancellations;
    private final transient SheetChanges changes;
    private final transient SlotMessages messages;

    public CompanyAppServlet(ContentRepository repository, CompanySites sites, EventSheets sheets,
                             CompanyRegistrations registrations, RecruitmentNeeds needs, CompanySignUp signUp,
                             SitePhotos photos, CommunesTable communes, VisitCancellations cancellations,
                             SheetChanges changes, SlotMessages messages) {
        this.messages = messages;
        this.changes = changes;
        this.repository = repository;
        this.sites = sites;
        this.sheets = sheets;
        this.registrations = registrations;
        this.needs = needs;
        this.signUp = signUp;
        this.photos = photos;
        this.communes = communes;
        this.cancellations = cancellations;
        this.routes = routes();
    }

    /** A page of the company space, for the logged-in company, with the route's {@code {slug}}, {@code {slot}}... */
    @FunctionalInterface
    private interface Page {
        void handle(HttpServletRequest request, HttpServletResponse response, CompanySession company,
                    Router.Match<Page> route) throws IOException;
    }

    private final transient Router<Page> routes;

    private Router<Page> routes() {
        return Router.<Page>builder()
                .get("/", (request, response, company, route) -> home(request, response, company))
                .get("/sites/nouveau", (request, response, company, route) ->
                        siteForm(request, response, 200, null, Map.of(), List.of(), List.of(), List.of()))
                .get("/sites/{slug}", (request, response, company, route) -> siteForm(request, response, 200,
                        route.get("slug"), sites.find(company, route.get("slug")).formValues(), List.of(), List.of(),
                        photos.list(company, route.get("slug"))))
                .get("/sites/{slug}/photos/{name}", (request, response, company, route) -> SitePhotosServlet.write(response,
                        photos.forCompany(company, route.get("slug"), route.get("name"))
                                .orElseThrow(() -> new NotFoundException("Photo " + route.get("name"))),
                        CacheControl.PRIVATE))
                .get("/sites/{slug}/fiche", (request, response, company, route) ->
                        sheetPage(request, response, company, route.get("slug"), 200, null, List.of(), null))
                .get("/sites/{slug}/fiche/annuler", (request, response, company, route) -> {
                    String slotId = request.getParameter("creneau");
                    cancelPage(request, response, company, route.get("slug"), slotId == null || slotId.isBlank() ? null : slotId,
                            200, Map.of(), List.of());
                })
                .get("/sites/{slug}/inscriptions", (request, response, company, route) ->
                        registrationsPage(request, response, company, route.get("slug")))
                .get("/sites/{slug}/inscriptions.csv", (request, response, company, route) -> csv(response, company,
                        slotIds(company, route.get("slug")), "inscriptions-" + route.get("slug") + ".csv"))
                .get("/creneaux/{slot}/inscriptions.csv", (request, response, company, route) -> csv(response, company,
                        List.of(route.get("slot")), "inscriptions-" + route.get("slot").substring(0,
                                Math.min(8, route.get("slot").length())) + ".csv"))
                .get("/creneaux/{slot}/message", (request, response, company, route) ->
                        messagePage(request, response, company, route.get("slot"), 200, Map.of(), List.of()))
                .post("/creneaux/{slot}/message", (request, response, company, route) ->
                        sendMessage(request, response, company, route.get("slot")))
                .get("/sites/{slug}/recrutement", (request, response, company, route) ->
                        recruitmentPage(request, response, company, route.get("slug"), null, List.of()))
                .post("/sites/nouveau", (request, response, company, route) -> saveSite(request, response, company, null))
                .post("/sites/{slug}", (request, response, company, route) ->
                        saveSite(request, response, company, route.get("slug")))
                .post("/sites/{slug}/photos", (request, response, company, route) -> {
                    Map<String, String> values = AdminRequests.fields(request); // decodes the fields as UTF-8 first
                    photos.add(company, route.get("slug"), upload(request), values.get("alt"));
                    done(request, response, "photo.added", "/sites/" + route.get("slug"));
                })
                .post("/sites/{slug}/photos/{name}/supprimer", (request, response, company, route) -> {
                    photos.remove(company, route.get("slug"), route.get("name"));
                    done(request, response, "photo.removed", "/sites/" + route.get("slug"));
                })
                .post("/sites/{slug}/fiche", (request, response, company, route) -> saveSheet(request, response, company,
                        route.get("slug"), AdminRequests.fields(request), AdminRequests.lang(request)))
                .post("/sites/{slug}/fiche/soumettre", (request, response, company, route) -> {
                    sheets.submit(company, route.get("slug"), AdminRequests.lang(request));
                    done(request, response, "sheet.submitted", "/sites/" + route.get("slug") + "/fiche");
                })
                .post("/sites/{slug}/fiche/annuler", (request, response, company, route) -> cancel(request, response, company,
                        route.get("slug"), AdminRequests.fields(request), AdminRequests.lang(request)))
                .post("/sites/{slug}/fiche/modification/retirer", (request, response, company, route) -> {
                    boolean withdrawn = changes.withdraw(company, sheets.currentEdition().year(), route.get("slug"));
                    done(request, response, withdrawn ? "change.withdrawn" : "change.none",
                            "/sites/" + route.get("slug") + "/fiche");
                })
                .post("/sites/{slug}/recrutement", (request, response, company, route) ->
                        saveRecruitment(request, response, company, route.get("slug")))
                .build();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(request, response);
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CompanySession> company = company(request, response);
        if (company.isEmpty()) {
            return;
        }
        Optional<Router.Match<Page>> route = routes.find(request.getMethod(), request.getPathInfo());
        if (route.isEmpty()) {
            notFound(request, response);
            return;
        }
        try {
            route.get().handler().handle(request, response, company.get(), route.get());
        } catch (NotFoundException e) {
            notFound(request, response);
        } catch (RefusedException e) {
            refused(request, response, company.get(), route.get(), e);
        }
    }

    /**
     * A refusal answers where it happened: a refused photo on the site's page (400, next to its field, or as a
     * message), a refused sheet action on the sheet's page (409), anything else as a message on the home page.
     */
    private void refused(HttpServletRequest request, HttpServletResponse response, CompanySession company,
                         Router.Match<Page> route, RefusedException e) throws IOException {
        String slug = route.parameters().get("slug");
        String path = request.getPathInfo();
        if (slug != null && path.endsWith("/photos") && e.field() != null) {
            photoRefused(request, response, company, slug, e);
        } else if (slug != null && path.contains("/photos")) {
            AdminViews.flash(request, e.getMessage());
            AdminViews.redirect(response, BASE + "/sites/" + slug);
        } else if (slug != null && path.contains("/fiche")) {
            sheetPage(request, response, company, slug, 409, null, List.of(), e.getMessage());
        } else {
            AdminViews.flash(request, e.getMessage());
            AdminViews.redirect(response, BASE + "/");
        }
    }

    /** After an action: its message on the next page, {@code page} under the app. */
    private static void done(HttpServletRequest request, HttpServletResponse response, String message, String page)
            throws IOException {
        AdminViews.flash(request, CompanyPages.messages(AdminRequests.lang(request)).get(message));
        AdminViews.redirect(response, BASE + page);
    }

    /** Creates ({@code slug} null) or updates a site; a form with errors shows again (400) and changes nothing. */
    private void saveSite(HttpServletRequest request, HttpServletResponse response, CompanySession company, String slug)
            throws IOException {
        Map<String, String> values = AdminRequests.fields(request);
        SiteForm.Result result = SiteForm.validate(values, AdminRequests.lang(request), communes);
        if (slug != null) {
            sites.find(company, slug); // another company's site answers 404, not the form's errors
        }
        if (result.form() == null) {
            siteForm(request, response, 400, slug, values, result.errors(), result.communeCandidates(),
                    slug == null ? List.of() : photos.list(company, slug));
            return;
        }
        String saved = slug == null ? sites.create(company, result.form()) : slug;
        if (slug != null) {
            sites.update(company, slug, result.form());
        }
        done(request, response, "site.saved", "/sites/" + saved + "/fiche");
    }

    /** Declares the site's recruitment needs; a form with errors shows again (400). */
    private void saveRecruitment(HttpServletRequest request, HttpServletResponse response, CompanySession company,
                                 String slug) throws IOException {
        Map<String, String> values = AdminRequests.fields(request);
        RecruitmentNeeds.Result result = RecruitmentNeeds.validate(values, AdminRequests.lang(request));
        if (!result.errors().isEmpty()) {
            recruitmentPage(request, response, company, slug, values, result.errors());
            return;
        }
        needs.declare(company, sheets.currentEdition(), slug, result.needs());
        done(request, response, "recruitment.saved", "/sites/" + slug + "/recrutement");
    }

    /** A refused photo: the site's page again, 400, with the field and the reason in its error summary. */
    private void photoRefused(HttpServletRequest request, HttpServletResponse response, CompanySession company,
                              String slug, RefusedException refusal) throws IOException {
        try {
            siteForm(request, response, 400, slug, sites.find(company, slug).formValues(),
                    List.of(new fr.usinesouvertes.events.registration.FieldError(refusal.field(), refusal.getMessage())),
                    List.of(), photos.list(company, slug));
        } catch (NotFoundException e) {
            notFound(request, response);
        }
    }

    /**
     * Cancels the company's sheet, or one of its slots ({@code creneau}), with the reason given on the confirmation
     * page; a missing or bad reason shows the page again (400) and changes nothing.
     */
    private void cancel(HttpServletRequest request, HttpServletResponse response, CompanySession company, String slug,
                        Map<String, String> values, Lang lang) throws IOException {
        SheetSummary sheet = sheets.requireOwn(company, slug);
        String slotId = values.getOrDefault("creneau", "").isBlank() ? null : values.get("creneau");
        requireOwnSlot(sheet, slotId);
        Optional<fr.usinesouvertes.events.registration.FieldError> error = VisitCancellations.checkReason(values.get("reason"), lang);
        if (error.isPresent()) {
            cancelPage(request, response, company, slug, slotId, 400, values, List.of(error.get()));
            return;
        }
        VisitCancellations.Outcome outcome = cancellations.cancel(sheet.edition(), slug, slotId, values.get("reason"),
                VisitCancellations.Actor.COMPANY, CurrentAccount.require(request).login(), lang);
        Map<String, String> m = CompanyPages.messages(lang);
        AdminViews.flash(request, !outcome.changed() ? m.get("sheet.alreadyCancelled")
                : m.get(slotId == null ? "sheet.cancelled" : "sheet.slotCancelled"));
        AdminViews.redirect(response, BASE + "/sites/" + slug + "/fiche");
    }

    /** The confirmation page of a cancellation: what it will do, and the reason. */
    private void cancelPage(HttpServletRequest request, HttpServletResponse response, CompanySession company, String slug,
                            String slotId, int status, Map<String, String> values,
                            List<fr.usinesouvertes.events.registration.FieldError> errors) throws IOException {
        Lang lang = AdminRequests.lang(request);
        SheetSummary sheet = sheets.requireOwn(company, slug);
        requireOwnSlot(sheet, slotId);
        VisitCancellations.Impact impact = cancellations.impact(sheet.edition(), slug, slotId, lang);
        Map<String, Object> model = model(lang);
        cancelModel(model, impact, slotId, values, errors);
        model.put("action", BASE + "/sites/" + slug + "/fiche/annuler" + (lang == Lang.EN ? "?lang=en" : ""));
        model.put("back", BASE + "/sites/" + slug + "/fiche");
        render(request, response, status, "cancel-visit", model);
    }

    /** The confirmation page's model, shared with the organisers' one. */
    public static void cancelModel(Map<String, Object> model, VisitCancellations.Impact impact, String slotId,
                                   Map<String, String> values, List<fr.usinesouvertes.events.registration.FieldError> errors) {
        model.put("siteName", impact.siteName());
        model.put("slotLabel", impact.slotLabel());
        model.put("slotId", slotId == null ? "" : slotId);
        model.put("alreadyCancelled", impact.alreadyCancelled());
        model.put("confirmedRegistrations", impact.confirmedRegistrations());
        model.put("confirmedPersons", impact.confirmedPersons());
        model.put("waitingRegistrations", impact.waitingRegistrations());
        model.put("values", values);
        CompanyViewModels.putErrors(model, errors);
    }

    private static void requireOwnSlot(SheetSummary sheet, String slotId) {
        if (slotId != null && sheet.slots().stream().noneMatch(slot -> slot.id().equals(slotId))) {
            throw new NotFoundException("Slot " + slotId);
        }
    }

    private void saveSheet(HttpServletRequest request, HttpServletResponse response, CompanySession company, String slug,
                           Map<String, String> values, Lang lang) throws IOException {
        sites.find(company, slug);
        SheetForm.Result result = SheetForm.validate(values, sheets.currentEdition(), sheets.zone(), lang);
        if (result.form() == null) {
            sheetPage(request, response, company, slug, 400, values, result.errors(), null);
            return;
        }
        Edition edition = sheets.currentEdition();
        String status = sheets.find(company, edition.year(), slug).map(SheetSummary::status).orElse("none");
        if (status.equals(EventSheets.PUBLISHED) || status.equals("full")) {
            SheetChanges.Outcome outcome;
            try {
                outcome = changes.propose(company, edition.year(), slug, result.form(), values, lang);
            } catch (SheetChanges.ChangeRefusedException e) {
                sheetPage(request, response, company, slug, 400, values, e.errors(), null);
                return;
            }
            AdminViews.flash(request, CompanyPages.messages(lang).get("change.outcome." + outcome.name().toLowerCase(java.util.Locale.ROOT)));
            AdminViews.redirect(response, BASE + "/sites/" + slug + "/fiche" + (lang == Lang.EN ? "?lang=en" : ""));
            return;
        }
        sheets.save(company, slug, result.form());
        AdminViews.flash(request, CompanyPages.messages(lang).get("sheet.saved"));
        AdminViews.redirect(response, BASE + "/sites/" + slug + "/fiche");
    }

    private void home(HttpServletRequest request, HttpServletResponse response, CompanySession company) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Edition edition = sheets.currentEdition();
        List<SiteRow> rows = new ArrayList<>();
        for (SiteSummary site : sites.list(company)) {
            Optional<SheetSummary> sheet = sheets.find(company, edition.year(), site.slug());
            rows.add(new SiteRow(site.slug(), site.name(), site.commune(), site.region(),
                    sheet.map(SheetSummary::status).orElse("none"),
                    sheet.map(SheetSummary::rejectionMessage).orElse("")));
        }
        Map<String, Object> model = model(lang);
        model.put("sites", rows);
        model.put("edition", edition.year());
        model.put("companyName", companyName(company));
        model.put("recruitmentOpen", needs.open(edition));
        String region = repository.read(session -> EventSheets.text(session.getNode(CompanyNodes.ROOT + "/" + company.company()), "region"));
        model.put("closedNotice", signUp.closedReason(region, lang).orElse(""));
        render(request, response, 200, "company-home", model);
    }

    private void siteForm(HttpServletRequest request, HttpServletResponse response, int status, String slug,
                          Map<String, String> values, List<fr.usinesouvertes.events.registration.FieldError> errors,
                          List<Commune> communeCandidates, List<SitePhotos.Photo> sitePhotos) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Map<String, Object> model = model(lang);
        Map<String, String> m = CompanyPages.messages(lang);
        model.put("title", slug == null ? m.get("site.newTitle") : m.get("site.editTitle") + " – " + values.getOrDefault("name", slug));
        model.put("action", BASE + "/sites/" + (slug == null ? "nouveau" : slug));
        model.put("values", values);
        model.put("communeCandidates", communeCandidates.stream().map(c -> new CompanyViewModels.Choice(
                c.name() + " (" + c.mainPostalCode() + ")",
                c.name() + " (" + c.department() + ") – " + String.join(", ", c.postalCodes())
                        + (c.region().isEmpty() ? "" : ", " + c.region()))).toList());
        model.put("communeChoice", SiteForm.COMMUNE_CHOICE);
        model.put("slug", slug == null ? "" : slug);
        model.put("photos", sitePhotos);
        model.put("maxPhotos", SitePhotos.MAX_PHOTOS);
        CompanyViewModels.putErrors(model, errors);
        render(request, response, status, "company-site", model);
    }

    private void sheetPage(HttpServletRequest request, HttpServletResponse response, CompanySession company, String slug,
                           int status, Map<String, String> posted, List<fr.usinesouvertes.events.registration.FieldError> errors,
                           String refusal) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Edition edition = sheets.currentEdition();
        SiteSummary site = sites.find(company, slug);
        Optional<SheetSummary> sheet = sheets.find(company, edition.year(), slug);
        Map<String, String> m = CompanyPages.messages(lang);
        Map<String, Object> model = model(lang);
        String sheetStatus = sheet.map(SheetSummary::status).orElse("none");
        model.put("slug", slug);
        model.put("siteName", site.name());
        model.put("edition", edition.year());
        model.put("status", sheetStatus);
        boolean changeMode = sheetStatus.equals(EventSheets.PUBLISHED) || sheetStatus.equals("full");
        Optional<SheetChanges.Pending> pending = changeMode
                ? changes.pending(company, edition.year(), slug, edition, lang) : Optional.empty();
        model.put("editable", sheetStatus.equals("none") || sheetStatus.equals(EventSheets.DRAFT) || changeMode);
        model.put("changeMode", changeMode);
        pending.ifPresent(p -> model.put("change",
                new SheetChanges.ChangeView(p.status(), p.sentBackMessage(), p.fields(), p.slots())));
        model.put("hasChange", pending.isPresent());
        model.put("formAction", BASE + "/sites/" + slug + "/fiche" + (lang == Lang.EN ? "?lang=en" : ""));
        model.put("hasSlots", sheet.map(s -> !s.slots().isEmpty()).orElse(false));
        model.put("rejectionMessage", sheet.map(SheetSummary::rejectionMessage).orElse(""));
        model.put("refusal", refusal == null ? "" : refusal);
        Map<String, String> values = posted != null ? posted
                : pending.isPresent() ? pending.get().values()
                : changeMode ? SheetChanges.publishedValues(sheet.get())
                : sheet.map(CompanyViewModels::sheetValues).orElseGet(() -> new HashMap<>(Map.of("language.fr", "on", "registrationMode", "platform")));
        model.put("values", values);
        model.put("modes", CompanyViewModels.options(SheetForm.MODES, m, "mode."));
        model.put("languages", SheetForm.LANGUAGES);
        model.put("days", CompanyViewModels.days(edition, lang));
        model.put("audiences", CompanyViewModels.audiences(lang));
        model.put("maxSlots", SheetForm.MAX_SLOTS);
        List<SlotRow> slotRows = new ArrayList<>();
        for (SheetSummary.SlotSummary slot : sheet.map(SheetSummary::slots).orElse(List.of())) {
            slotRows.add(new SlotRow(slot.id(), CompanyViewModels.slotLabel(edition, slot, lang), slot.booked(),
                    slot.capacity(), slot.waiting(), slot.cancelled()));
        }
        model.put("slotRows", slotRows);
        model.put("cancellable", sheetStatus.equals(EventSheets.PUBLISHED) || sheetStatus.equals("full"));
        CompanyViewModels.putErrors(model, errors);
        render(request, response, status, "company-sheet", model);
    }

    private void registrationsPage(HttpServletRequest request, HttpServletResponse response, CompanySession company,
                                   String slug) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Edition edition = sheets.currentEdition();
        SiteSummary site = sites.find(company, slug);
        SheetSummary sheet = sheets.find(company, edition.year(), slug).orElseThrow(() -> new NotFoundException("Sheet " + slug));
        List<SlotRegistrations> slots = new ArrayList<>();
        for (SheetSummary.SlotSummary slot : sheet.slots()) {
            slots.add(new SlotRegistrations(slot.id(), CompanyViewModels.slotLabel(edition, slot, lang), slot.booked(),
                    slot.capacity(), slot.waiting(), registrations.list(company, slot.id())));
        }
        Map<String, Object> model = model(lang);
        model.put("slug", slug);
        model.put("siteName", site.name());
        model.put("slots", slots);
        Map<String, String> audienceLabels = new HashMap<>();
        for (Audience audience : Audience.values()) {
            audienceLabels.put(audience.id(), AudienceLabels.of(audience, lang));
        }
        model.put("audienceLabels", audienceLabels);
        render(request, response, 200, "company-registrations", model);
    }

    /** "Écrire aux inscrits de ce créneau": the form, whom it reaches; {@code values} as typed, {@code errors} by field. */
    private void messagePage(HttpServletRequest request, HttpServletResponse response, CompanySession company,
                             String slotId, int status, Map<String, String> values,
                             List<fr.usinesouvertes.events.registration.FieldError> errors) throws IOException {
        Lang lang = AdminRequests.lang(request);
        SlotMessages.Audience audience = messages.audience(company, slotId);
        fr.usinesouvertes.events.visit.Visit visit = audience.slot().visit();
        Map<String, Object> model = model(lang);
        model.put("company", visit.company());
        model.put("siteName", visit.site());
        model.put("slotLabel", fr.usinesouvertes.events.i18n.FrenchDates.dayWithWeekday(visit.start().toLocalDate(), lang)
                + ", " + fr.usinesouvertes.events.i18n.FrenchDates.time(visit.start().toLocalTime(), lang) + " – "
                + fr.usinesouvertes.events.i18n.FrenchDates.time(visit.end().toLocalTime(), lang));
        model.put("cancelled", audience.slot().cancelled());
        model.put("registrations", audience.registrations());
        model.put("persons", audience.persons());
        model.put("values", values);
        model.put("action", BASE + "/creneaux/" + slotId + "/message" + (lang == Lang.EN ? "?lang=en" : ""));
        model.put("back", BASE + "/");
        CompanyViewModels.putErrors(model, errors);
        render(request, response, status, "slot-message", model);
    }

    /** Sends the message, or shows the form again (400) with each refused field and nothing sent. */
    private void sendMessage(HttpServletRequest request, HttpServletResponse response, CompanySession company,
                             String slotId) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Map<String, String> values = AdminRequests.fields(request);
        Map<String, String> typed = new HashMap<>();
        typed.put("subject", values.getOrDefault("subject", ""));
        typed.put("text", values.getOrDefault("text", ""));
        List<fr.usinesouvertes.events.registration.FieldError> errors = SlotMessages.check(typed, lang);
        if (!errors.isEmpty()) {
            messages.audience(company, slotId); // another company's slot: 404 before anything is said about the form
            messagePage(request, response, company, slotId, 400, typed, errors);
            return;
        }
        int sent = messages.send(company, slotId, typed, CurrentAccount.require(request).login(), lang);
        Map<String, String> m = CompanyPages.messages(lang);
        AdminViews.flash(request, sent == 0 ? m.get("message.sentNone") : m.get("message.sent").replace("{0}", String.valueOf(sent)));
        AdminViews.redirect(response, BASE + "/creneaux/" + slotId + "/message" + (lang == Lang.EN ? "?lang=en" : ""));
    }

    private void recruitmentPage(HttpServletRequest request, HttpServletResponse response, CompanySession company,
                                 String slug, Map<String, String> posted,
                                 List<fr.usinesouvertes.events.registration.FieldError> errors) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Edition edition = sheets.currentEdition();
        SiteSummary site = sites.find(company, slug);
        Map<String, String> values = posted;
        if (values == null) {
            values = new HashMap<>();
            List<RecruitmentNeed> declared = needs.list(company, edition.year(), slug);
            for (int n = 0; n < declared.size(); n++) {
                values.put("need." + n + ".job", declared.get(n).job());
                values.put("need." + n + ".count", Long.toString(declared.get(n).count()));
                values.put("need." + n + ".contractType", declared.get(n).contractType());
            }
        }
        Map<String, Object> model = model(lang);
        model.put("slug", slug);
        model.put("siteName", site.name());
        model.put("open", needs.open(edition));
        model.put("values", values);
        model.put("maxRows", RecruitmentNeeds.MAX_ROWS);
        model.put("contractTypes", CompanyViewModels.options(RecruitmentNeeds.CONTRACT_TYPES, Map.of(), ""));
        CompanyViewModels.putErrors(model, errors);
        render(request, response, errors.isEmpty() ? 200 : 400, "company-recruitment", model);
    }

    /** The uploaded image's bytes, at most {@link SitePhotos#MAX_BYTES} (the multipart limits refuse larger ones). */
    private static byte[] upload(HttpServletRequest request) throws IOException {
        try {
            jakarta.servlet.http.Part part = request.getPart("image");
            if (part == null) {
                throw new RefusedException("image", "Choisissez une image.");
            }
            try (java.io.InputStream in = part.getInputStream()) {
                return in.readNBytes(SitePhotos.MAX_BYTES + 1);
            }
        } catch (jakarta.servlet.ServletException | IllegalStateException e) {
            throw new RefusedException("image", "L'image doit peser au plus " + SitePhotos.MAX_BYTES / 1024 / 1024 + " Mo.");
        }
    }

    private List<String> slotIds(CompanySession company, String slug) {
        return sheets.find(company, sheets.currentEdition().year(), slug).orElseThrow(() -> new NotFoundException("Sheet " + slug))
                .slots().stream().map(SheetSummary.SlotSummary::id).toList();
    }

    private void csv(HttpServletResponse response, CompanySession company, List<String> slotIds, String file) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        registrations.exportCsv(company, slotIds, out); // fully built first: a refusal must not leave half a file
        response.setContentType(RegistrationCsvExport.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "") + "\"");
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        out.writeTo(response.getOutputStream());
    }

    private String companyName(CompanySession company) {
        return company.read(session -> EventSheets.text(session.getNode(CompanyNodes.ROOT + "/" + company.company()), "name"));
    }

    /** The account's company sessions; answers 403 itself for an account without a company. */
    private Optional<CompanySession> company(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = CurrentAccount.require(request);
        if (account.company() == null || account.company().isBlank()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return Optional.empty();
        }
        return Optional.of(new AccountCompanySession(repository, account));
    }

    private static Map<String, Object> model(Lang lang) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", CompanyPages.messages(lang));
        model.put("base", BASE);
        return model;
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, 404, "not-found", model(AdminRequests.lang(request)));
    }

    private static void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                               Map<String, Object> model) throws IOException {
        response.setStatus(status);
        AdminViews.render(request, response, "events/" + template + ".ftlh", model);
    }
}
