package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.events.registration.FormKind;
import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.platform.module.RenderedPage;
import fr.usinesouvertes.events.booking.BookingOutcome;
import fr.usinesouvertes.events.booking.RegistrationNotFoundException;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.ChangeOption;
import fr.usinesouvertes.events.registration.ChangeResult;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.registration.InvalidLinkException;
import fr.usinesouvertes.events.registration.ManagedRegistration;
import fr.usinesouvertes.events.registration.RegistrationRefusedException;
import fr.usinesouvertes.events.registration.RegistrationService;
import fr.usinesouvertes.events.registration.RegistrationValidator;
import fr.usinesouvertes.events.registration.RegistrationValidator.InputKind;
import fr.usinesouvertes.events.registration.SchoolLevel;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.events.registration.SubmissionResult;
import fr.usinesouvertes.events.ticket.TicketLinks;
import fr.usinesouvertes.events.ticket.Tickets;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registration pages, working without JavaScript: {@code GET /inscription/<slot>/<form>} shows a
 * form ({@link FormKind}), {@code POST} to the same address registers through {@link RegistrationService}
 * and shows the confirmation, or the form again (400) with its errors and values;
 * {@code /inscription/gestion/<token>} shows a registration and cancels it, {@code …/<token>/modifier} changes
 * its head count or slot (the form again, 400 or 409, with the error next to the field when refused). Mounted
 * once per language:
 * {@code /inscription/*} in French, {@code /en/inscription/*} in English.
 */
public final class RegistrationPagesServlet extends HttpServlet {

    private static final String MANAGE = "gestion";
    /** {@code POST /inscription/gestion/<token>/modifier}: the change form of the registration page. */
    private static final String CHANGE = "modifier";

    private final transient RegistrationService service;
    private final transient SlotDirectory slots;
    private final transient FormTokens tokens;
    private final transient RegistrationPages pages;
    private final Lang lang;
    private final transient Router<Router.Page> routes;
    private final transient Tickets tickets;

    RegistrationPagesServlet(RegistrationService service, SlotDirectory slots, FormTokens tokens, RegistrationPages pages,
                             Lang lang, Tickets tickets) {
        this.tickets = tickets;
        this.service = service;
        this.slots = slots;
        this.tokens = tokens;
        this.pages = pages;
        this.lang = lang;
        this.routes = routes();
    }

    /** Mounts the French pages at {@code /inscription/*} and the English ones at {@code /en/inscription/*}. */
    public static void mount(fr.usinesouvertes.platform.module.ModuleContext context, EventsConfig config,
                             RegistrationService service, Tickets tickets) {
        SlotDirectory slots = new SlotDirectory(context.repository(), config.maxGroupSize(), config.zone());
        FormTokens tokens = FormTokens.from(config, context.clock());
        RegistrationPages pages = new RegistrationPages(context.site().pages());
        for (Lang lang : Lang.values()) {
            context.web().servlet(pathSpec(lang), new RegistrationPagesServlet(service, slots, tokens, pages, lang, tickets));
        }
    }

    /** The path spec this servlet's language is mounted at. */
    static String pathSpec(Lang lang) {
        return (lang == Lang.EN ? "/en" : "") + "/inscription/*";
    }

    private static final String SLOT_FORM = "/{slot}/{kind}";

    private Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/" + MANAGE + "/{token}", (request, response, route) ->
                        showRegistration(request, route.get("token"), response, null))
                .get(SLOT_FORM, this::form)
                .post("/" + MANAGE + "/{token}", (request, response, route) -> cancel(request, response, route.get("token")))
                .post("/" + MANAGE + "/{token}/" + CHANGE, (request, response, route) ->
                        change(request, response, route.get("token")))
                .post(SLOT_FORM, this::register)
                .build();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        dispatch(request, response);
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!Router.dispatch(routes, request, response)) {
            notFound(request, response);
        }
    }

    /** A slot's registration form for one audience (or why it is closed or cancelled). */
    private void form(HttpServletRequest request, HttpServletResponse response, Router.Match<Router.Page> route)
            throws IOException {
        if (cancelledSlot(request, response, route, 410)) {
            return;
        }
        Optional<BookableSlot> slot = slots.find(route.get("slot")).filter(BookableSlot::takesRegistrations);
        Optional<FormKind> kind = FormKind.fromSegment(route.get("kind"));
        if (slot.isEmpty() || kind.isEmpty()) {
            notFound(request, response);
            return;
        }
        Optional<SubmissionResult.Refused> closed = service.closed(slot.get(), kind.get().audience(), lang);
        if (closed.isPresent()) { // said before the visitor types anything
            html(response, 200, pages.render(request, "message", lang, Map.of("messageKey", "form.closed",
                    "detail", closed.get().message())));
            return;
        }
        showForm(request, response, 200, slot.get(), kind.get(), Map.of(), List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            message(request, response, 415, "error.mediaType");
            return;
        }
        if (request.getContentLengthLong() > BoundedBody.MAX_BYTES) {
            message(request, response, 413, "error.tooLarge");
            return;
        }
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        dispatch(request, response);
    }

    /** A registration sent from a slot's form. */
    private void register(HttpServletRequest request, HttpServletResponse response, Router.Match<Router.Page> route)
            throws IOException {
        if (cancelledSlot(request, response, route, 409)) {
            return;
        }
        Optional<BookableSlot> slot = slots.find(route.get("slot")).filter(BookableSlot::takesRegistrations);
        Optional<FormKind> kind = FormKind.fromSegment(route.get("kind"));
        if (slot.isEmpty() || kind.isEmpty()) {
            notFound(request, response);
            return;
        }
        if (!tokens.accepts(request.getParameter("csrf"), formTarget(slot.get(), kind.get()))) {
            message(request, response, 403, "error.csrf");
            return;
        }
        Map<String, String> values = fields(request);
        Map<String, Object> input = new LinkedHashMap<>(values);
        input.put("slot", slot.get().id());
        input.put("audience", kind.get().audience().id());
        input.put("lang", lang.code());
        SubmissionResult result = service.register(input, InputKind.FORM, request.getRemoteAddr(), lang);
        if (result instanceof SubmissionResult.Booked booked) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("slot", RegistrationPages.slotModel(slot.get(), lang));
            model.put("waitlisted", booked.outcome().status() == RegistrationStatus.WAITLISTED);
            model.put("position", booked.outcome().position() == null ? 0 : booked.outcome().position());
            model.put("email", booked.form().contactEmail());
            model.put("manageLink", booked.manageLink());
            html(response, 200, pages.render(request, "confirmation", lang, model));
        } else if (result instanceof SubmissionResult.Invalid invalid) {
            showForm(request, response, 400, slot.get(), kind.get(), values, invalid.errors());
        } else if (result instanceof SubmissionResult.Refused refused
                && refused.code().equals(RegistrationService.NOT_ENOUGH_PLACES)) {
            // the group chooses: fewer persons, or the waiting list (the form offers it, values kept)
            showForm(request, response, 409, slot.get(), kind.get(), values, List.of(new FieldError("persons",
                    refused.message())), "", true);
        } else if (result instanceof SubmissionResult.Refused refused) {
            showForm(request, response, 409, slot.get(), kind.get(), values, List.of(new FieldError("", refused.message())));
        } else {
            response.setHeader("Retry-After", String.valueOf(((SubmissionResult.RateLimited) result).retryAfterSeconds()));
            // the form again, as typed, with the notice: the visitor sends it again in a moment without retyping
            showForm(request, response, 429, slot.get(), kind.get(), values, List.of(), "error.rateLimited", false);
        }
    }

    /** The visitor's own fields: everything but the slot, audience and language the address decides, and the CSRF token. */
    private static Map<String, String> fields(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (!List.of("csrf", "slot", "audience", "lang").contains(name) && given.length > 0) {
                values.put(name, given[0]);
            }
        });
        return values;
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, BookableSlot slot,
                          FormKind kind, Map<String, String> values, List<FieldError> errors) throws IOException {
        showForm(request, response, status, slot, kind, values, errors, "", false);
    }

    /**
     * @param noticeKey        a message shown above the form (e.g. too many submissions), or empty
     * @param offerWaitingList the group is larger than the places left: offer the waiting list as a choice
     */
    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, BookableSlot slot,
                          FormKind kind, Map<String, String> values, List<FieldError> errors, String noticeKey,
                          boolean offerWaitingList) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("noticeKey", noticeKey);
        model.put("offerWaitingList", offerWaitingList);
        model.put("slot", RegistrationPages.slotModel(slot, lang));
        model.put("kind", kind.audience().id());
        model.put("action", (lang == Lang.EN ? "/en" : "") + "/inscription/" + slot.id() + "/" + kind.segment());
        model.put("csrf", tokens.issue(formTarget(slot, kind)));
        model.put("values", values);
        model.put("honeypot", RegistrationValidator.HONEYPOT);
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byField.putIfAbsent(error.field(), error.message());
        }
        model.put("errors", List.copyOf(errors));
        model.put("fieldErrors", byField);
        List<Map<String, String>> levels = new ArrayList<>();
        for (SchoolLevel level : SchoolLevel.values()) {
            levels.add(Map.of("id", level.id(), "label", level.label().in(lang)));
        }
        model.put("levels", levels);
        html(response, status, pages.render(request, "form", lang, model));
    }

    private void showRegistration(HttpServletRequest request, String token, HttpServletResponse response,
                                  String notice) throws IOException {
        showRegistration(request, token, response, notice, 200, Map.of(), List.of());
    }

    /**
     * The registration page with its change form ({@code values} as typed, {@code errors} next to their fields)
     * while the registration can still change.
     */
    private void showRegistration(HttpServletRequest request, String token, HttpServletResponse response,
                                  String notice, int status, Map<String, String> values, List<FieldError> errors)
            throws IOException {
        ManagedRegistration managed;
        try {
            managed = service.view(token);
        } catch (InvalidLinkException | RegistrationNotFoundException e) {
            message(request, response, 404, "error.link");
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("slot", RegistrationPages.slotModel(managed.slot(), lang));
        model.put("status", managed.registration().status());
        model.put("position", managed.position() == null ? 0 : managed.position());
        model.put("persons", managed.registration().persons());
        model.put("contactName", managed.registration().contactName());
        model.put("email", managed.registration().email());
        model.put("action", (lang == Lang.EN ? "/en" : "") + "/inscription/" + MANAGE + "/" + token);
        model.put("csrf", tokens.issue("cancel:" + token));
        model.put("notice", notice == null ? "" : notice);
        model.put("cancellationReason", managed.registration().cancellationReason());
        boolean changeable = service.changeable(managed);
        model.put("changeable", changeable);
        if (RegistrationStatus.CONFIRMED.stored().equals(managed.registration().status()) && !managed.slot().cancelled()) {
            // the ticket: its QR code (served by the ticket pages) and a link to the printable page
            java.time.Instant end = managed.slot().visit().end().toInstant();
            String ticketToken = tickets.token(managed.registration().id(), end);
            model.put("ticketUrl", request.getContextPath() + TicketLinks.PATH + ticketToken);
            model.put("ticketQr", request.getContextPath() + TicketLinks.PATH + ticketToken + ".png");
        }
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldError error : errors) {
            if (error.field().isEmpty() || !changeable) {
                general.add(error.message());
            } else {
                byField.putIfAbsent(error.field(), error.message());
            }
        }
        model.put("fieldErrors", byField);
        model.put("changeErrors", general);
        if (changeable) {
            model.put("kind", managed.registration().audience().id());
            model.put("changeAction", (lang == Lang.EN ? "/en" : "") + "/inscription/" + MANAGE + "/" + token + "/" + CHANGE);
            model.put("changeCsrf", tokens.issue("change:" + token));
            List<RegistrationPages.SlotOption> options = new ArrayList<>();
            for (ChangeOption option : service.changeOptions(managed)) {
                options.add(RegistrationPages.SlotOption.of(RegistrationPages.slotModel(option.slot(), lang),
                        option.current(), option.placesLeft()));
            }
            model.put("options", options);
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("persons", String.valueOf(managed.registration().declaredPersons()));
            shown.put("accompanyingAdults", String.valueOf(managed.registration().accompanyingAdults()));
            shown.put("slot", managed.slot().id());
            shown.putAll(values);
            model.put("values", shown);
        }
        html(response, status, pages.render(request, "registration", lang, model));
    }

    private void cancel(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        if (!tokens.accepts(request.getParameter("csrf"), "cancel:" + token)) {
            message(request, response, 403, "error.csrf");
            return;
        }
        try {
            service.cancel(token);
        } catch (InvalidLinkException | RegistrationNotFoundException e) {
            message(request, response, 404, "error.link");
            return;
        } catch (RegistrationRefusedException e) {
            showRegistration(request, token, response, e.text().in(lang));
            return;
        }
        showRegistration(request, token, response, pages.message(lang, "manage.cancelled"));
    }

    private void change(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        if (!tokens.accepts(request.getParameter("csrf"), "change:" + token)) {
            message(request, response, 403, "error.csrf");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("persons", "accompanyingAdults", "slot")) {
            if (request.getParameter(name) != null) {
                values.put(name, request.getParameter(name));
            }
        }
        ChangeResult result;
        try {
            result = service.change(token, values, InputKind.FORM, lang);
        } catch (InvalidLinkException | RegistrationNotFoundException e) {
            message(request, response, 404, "error.link");
            return;
        }
        if (result instanceof ChangeResult.Changed changed) {
            showRegistration(request, token, response,
                    pages.message(lang, changed.changed() ? "manage.change.done" : "manage.change.unchanged"));
        } else {
            ChangeResult.Refused refused = (ChangeResult.Refused) result;
            showRegistration(request, token, response, "", refused.status(), values, refused.errors());
        }
    }

    /**
     * Answers {@code status} with a page naming the slot when the form's slot belongs to a cancelled visit that was
     * public (else the form's usual 404); returns whether it did.
     */
    private boolean cancelledSlot(HttpServletRequest request, HttpServletResponse response,
                                  Router.Match<Router.Page> route, int status) throws IOException {
        if (FormKind.fromSegment(route.get("kind")).isEmpty()) {
            return false;
        }
        Optional<BookableSlot> slot = slots.find(route.get("slot")).filter(BookableSlot::wasCancelledAfterPublication);
        if (slot.isEmpty()) {
            return false;
        }
        html(response, status, pages.render(request, "message", lang, Map.of("messageKey", "error.slotCancelled",
                "detail", service.slotCancelledMessage(slot.get()).in(lang))));
        return true;
    }

    private static String formTarget(BookableSlot slot, FormKind kind) {
        return slot.id() + "/" + kind.segment();
    }


    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        message(request, response, 404, "error.notFound");
    }

    private void message(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        html(response, status, pages.render(request, "message", lang, Map.of("messageKey", key)));
    }

    /**
     * Writes a page with {@code status} (500 when its template failed): never stored by any cache, since the
     * pages show personal data or carry a single-use form token.
     */
    static void html(HttpServletResponse response, int status, RenderedPage page) throws IOException {
        response.setStatus(page.status() == 500 ? 500 : status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", page.language());
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getWriter().write(page.html());
    }
}
