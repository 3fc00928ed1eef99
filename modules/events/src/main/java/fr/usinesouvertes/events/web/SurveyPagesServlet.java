package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.registration.InvalidLinkException;
import fr.usinesouvertes.events.registration.RegistrationRecord;
import fr.usinesouvertes.events.registration.RegistrationRecords;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.events.survey.SurveyAnswer;
import fr.usinesouvertes.events.survey.SurveyAnswers;
import fr.usinesouvertes.events.survey.SurveyLinks;
import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The after-visit survey, answered without an account through the signed link of its e-mail: {@code GET
 * /enquete/<token>} shows the questions of the registration's audience ({@link SurveyAnswer}), {@code POST} (with its
 * form token) saves the answer and shows it again with thanks, or the form again (400) with each refused field named.
 * A second answer replaces the first, as long as the link is valid (a month after the visit): the registrant can
 * correct a mistake, and the results count one answer per registration. A token that does not verify (forged,
 * altered, another link's, expired) or whose registration is gone answers 404; a registration that is not confirmed
 * 410. Mounted once per language: {@code /enquete/*} in French, {@code /en/enquete/*} in English.
 */
public final class SurveyPagesServlet extends RoutedServlet {

    private final transient SurveyLinks links;
    private final transient RegistrationRecords records;
    private final transient SlotDirectory slots;
    private final transient ContentRepository repository;
    private final transient FormTokens tokens;
    private final transient RegistrationPages pages;
    private final transient Clock clock;
    private final Lang lang;

    private SurveyPagesServlet(SurveyLinks links, RegistrationRecords records, SlotDirectory slots,
                               ContentRepository repository, FormTokens tokens, RegistrationPages pages, Clock clock,
                               Lang lang) {
        this.links = links;
        this.records = records;
        this.slots = slots;
        this.repository = repository;
        this.tokens = tokens;
        this.pages = pages;
        this.clock = clock;
        this.lang = lang;
    }

    /** Mounts the French pages at {@code /enquete/*} and the English ones at {@code /en/enquete/*}. */
    public static void mount(ModuleContext context, SurveyLinks links, FormTokens tokens, SlotDirectory slots) {
        RegistrationPages pages = new RegistrationPages(context.site().pages());
        RegistrationRecords records = new RegistrationRecords(context.repository());
        for (Lang lang : Lang.values()) {
            context.web().servlet((lang == Lang.EN ? "/en" : "") + SurveyLinks.PATH + "*", new SurveyPagesServlet(links,
                    records, slots, context.repository(), tokens, pages, context.clock(), lang));
        }
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/{token}", (request, response, route) -> show(request, response, route.get("token")))
                .post("/{token}", (request, response, route) -> answer(request, response, route.get("token")))
                .build();
    }

    @Override
    protected void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        message(request, response, 404, "survey.notFound");
    }

    /** The registration and slot of a token, when it verifies and they exist. */
    private record Found(RegistrationRecord registration, BookableSlot slot) {
    }

    private Optional<Found> find(String token) {
        try {
            String id = links.verify(token);
            return records.find(id).flatMap(record -> slots.find(record.slotId())
                    .map(slot -> new Found(record, slot)));
        } catch (InvalidLinkException e) {
            return Optional.empty();
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Optional<Found> found = usable(request, response, token);
        if (found.isEmpty()) {
            return;
        }
        Optional<SurveyAnswer> answer = repository.read(session ->
                SurveyAnswers.find(session, found.get().slot().id(), found.get().registration().id()));
        page(request, response, 200, token, found.get(), answer.map(SurveyAnswer::formValues).orElse(Map.of()),
                Map.of(), answer.isPresent() ? "survey.answered" : "");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Optional<Found> found = usable(request, response, token);
        if (found.isEmpty()) {
            return;
        }
        RegistrationRecord registration = found.get().registration();
        if (!tokens.accepts(request.getParameter("csrf"), "survey:" + registration.id())) {
            message(request, response, 403, "error.csrf");
            return;
        }
        Map<String, List<String>> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, Arrays.asList(values)));
        SurveyAnswer.Result result = SurveyAnswer.read(registration.audience(), form, lang);
        if (result.answer() == null) {
            Map<String, Object> values = new LinkedHashMap<>();
            form.forEach((name, given) -> values.put(name, name.equals("interests") ? given : given.get(0)));
            Map<String, String> errors = new LinkedHashMap<>();
            result.errors().forEach((FieldError error) -> errors.put(error.field(), error.message()));
            page(request, response, 400, token, found.get(), values, errors, "");
            return;
        }
        repository.write(session -> {
            SurveyAnswers.write(session, found.get().slot().id(), registration.id(), result.answer(), clock.instant());
            return null;
        });
        page(request, response, 200, token, found.get(), result.answer().formValues(), Map.of(), "survey.thanks");
    }

    /** The registration of a token, or the refusal answered: 404 for a bad token, 410 when not confirmed. */
    private Optional<Found> usable(HttpServletRequest request, HttpServletResponse response, String token)
            throws IOException {
        Optional<Found> found = find(token);
        if (found.isEmpty()) {
            message(request, response, 404, "survey.notFound");
        } else if (!RegistrationStatus.CONFIRMED.stored().equals(found.get().registration().status())) {
            message(request, response, 410, "survey.closed");
            return Optional.empty();
        }
        return found;
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String token, Found found,
                      Map<String, ?> values, Map<String, String> errors, String notice) throws IOException {
        RegistrationRecord registration = found.registration();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("slot", RegistrationPages.slotModel(found.slot(), lang));
        model.put("action", request.getRequestURI());
        model.put("csrf", tokens.issue("survey:" + registration.id()));
        model.put("values", values);
        model.put("fieldErrors", errors);
        model.put("notice", notice.isEmpty() ? "" : pages.message(lang, notice));
        model.put("orientation", SurveyAnswer.asksOrientation(registration.audience()));
        model.put("jobInterest", SurveyAnswer.asksJobInterest(registration.audience()));
        model.put("interestOptions", SurveyAnswer.INTERESTS);
        model.put("jobInterestOptions", SurveyAnswer.JOB_INTEREST);
        model.put("maxComment", SurveyAnswer.MAX_COMMENT);
        RegistrationPagesServlet.html(response, status, pages.render(request, "survey", lang, model));
    }

    private void message(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        RegistrationPagesServlet.html(response, status, pages.render(request, "message", lang,
                Map.of("messageKey", key, "detail", key.equals("survey.notFound")
                        ? pages.message(lang, "survey.notFound.detail") : "")));
    }
}
