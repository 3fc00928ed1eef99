package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.FormKind;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.events.schools.SchoolProposals;
import fr.usinesouvertes.events.schools.SchoolVisits;
import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of a proposal's e-mailed link ({@link SchoolProposals}), in French (in English under {@code /en}):
 * {@code GET /ecoles/proposition/<token>}
 * records that the school opened it and lists the proposed slots still taking registrations, each opening the school
 * form pre-filled ({@code /inscription/<slot>/scolaire?proposition=<token>}); {@code …/<token>/decliner} asks to
 * confirm, and its {@code POST} (with the form's CSRF token) records the decline. A bad or unknown token answers 404.
 */
public final class ProposalPagesServlet extends RoutedServlet {

    private static final String PATH = "/ecoles/proposition";
    private static final String DECLINE = "decliner";

    private final transient SchoolProposals proposals;
    private final transient SlotDirectory slots;
    private final transient FormTokens tokens;
    private final transient RegistrationPages pages;
    private final transient SchoolVisits visits;
    private final transient ContentRepository repository;
    private final Lang lang;

    ProposalPagesServlet(SchoolProposals proposals, SlotDirectory slots, FormTokens tokens, RegistrationPages pages,
                         SchoolVisits visits, ContentRepository repository, Lang lang) {
        this.lang = lang;
        this.proposals = proposals;
        this.slots = slots;
        this.tokens = tokens;
        this.pages = pages;
        this.visits = visits;
        this.repository = repository;
    }

    /** Where the pages of {@code lang} are mounted: {@code /ecoles/proposition/*}, {@code /en/ecoles/proposition/*}. */
    static String pathSpec(Lang lang) {
        return prefix(lang) + PATH + "/*";
    }

    private static String prefix(Lang lang) {
        return lang == Lang.EN ? "/en" : "";
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/{token}", (request, response, route) -> show(request, response, route.get("token")))
                .get("/{token}/" + DECLINE, (request, response, route) -> askDecline(request, response, route.get("token")))
                .post("/{token}/" + DECLINE, (request, response, route) -> decline(request, response, route.get("token")))
                .build();
    }

    @Override
    protected void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        message(request, response, 404, "error.notFound", "");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Optional<SchoolProposals.Proposal> proposal = proposal(request, response, token);
        if (proposal.isEmpty()) {
            return;
        }
        proposals.opened(proposal.get());
        List<Map<String, Object>> offered = new ArrayList<>();
        for (var slot : repository.read(session -> visits.schoolSlots(session, proposal.get().year(), proposal.get().site()))) {
            Optional<BookableSlot> bookable = slots.find(slot.id()).filter(BookableSlot::takesRegistrations);
            bookable.ifPresent(found -> offered.add(Map.of("view", RegistrationPages.slotModel(found, lang),
                    "form", prefix(lang) + "/inscription/" + found.id() + "/" + FormKind.SCHOOL.segment() + "?proposition=" + token)));
        }
        Map<String, Object> model = model(proposal.get(), false);
        model.put("slots", offered);
        model.put("declineLink", prefix(lang) + PATH + "/" + token + "/" + DECLINE);
        RegistrationPagesServlet.html(response, 200, pages.render(request, "proposal", lang, model));
    }

    private void askDecline(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Optional<SchoolProposals.Proposal> proposal = proposal(request, response, token);
        if (proposal.isEmpty()) {
            return;
        }
        Map<String, Object> model = model(proposal.get(), true);
        model.put("declineAction", prefix(lang) + PATH + "/" + token + "/" + DECLINE);
        model.put("csrf", tokens.issue("decline:" + token));
        RegistrationPagesServlet.html(response, 200, pages.render(request, "proposal", lang, model));
    }

    private void decline(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<SchoolProposals.Proposal> proposal = proposal(request, response, token);
        if (proposal.isEmpty()) {
            return;
        }
        if (!tokens.accepts(request.getParameter("csrf"), "decline:" + token)) {
            message(request, response, 403, "error.csrf", "");
            return;
        }
        proposals.declined(proposal.get());
        message(request, response, 200, "proposal.declined", pages.message(lang, "proposal.declined.detail"));
    }

    /** The proposal the token names; when none, the 404 page is answered and the result is empty. */
    private Optional<SchoolProposals.Proposal> proposal(HttpServletRequest request, HttpServletResponse response,
                                                        String token) throws IOException {
        Optional<SchoolProposals.Proposal> proposal = proposals.fromToken(token);
        if (proposal.isEmpty()) {
            message(request, response, 404, "proposal.unknown", "");
        }
        return proposal;
    }

    private static Map<String, Object> model(SchoolProposals.Proposal proposal, boolean declining) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("school", proposal.name());
        model.put("commune", proposal.commune());
        model.put("declining", declining);
        model.put("slots", List.of());
        return model;
    }

    private void message(HttpServletRequest request, HttpServletResponse response, int status, String key, String detail)
            throws IOException {
        RegistrationPagesServlet.html(response, status, pages.render(request, "message", lang,
                Map.of("messageKey", key, "detail", detail)));
    }
}
