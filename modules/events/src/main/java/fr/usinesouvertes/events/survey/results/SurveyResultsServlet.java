package fr.usinesouvertes.events.survey.results;

import fr.usinesouvertes.events.company.AdminRequests;
import fr.usinesouvertes.events.company.AudienceLabels;
import fr.usinesouvertes.events.company.CompanyPages;
import fr.usinesouvertes.events.company.CurrentEdition;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.survey.SurveyAnswer;
import fr.usinesouvertes.events.survey.SurveyTally;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.module.AdminViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The survey results of an edition in the back office ({@code ?edition=2026}, the current one by default; 400 naming
 * {@code edition} for a bad one): counts in total and by audience and site (and region, for the organisers), the
 * comments for a company, and the answers as CSV at {@code resultats.csv}. {@link CompanySurveyServlet} shows a
 * company its own sites, {@link OrganiserSurveyServlet} every site to the organisers.
 */
abstract class SurveyResultsServlet extends RoutedServlet {

    static final String CSV = "resultats.csv";

    private final transient EditionStore editions;
    private final transient Clock clock;
    private final transient ZoneId zone;

    SurveyResultsServlet(EditionStore editions, Clock clock, ZoneId zone) {
        this.editions = editions;
        this.clock = clock;
        this.zone = zone;
    }

    /** The answers the request's account may see; empty when it may see none (answered 403). */
    abstract Optional<List<SurveyResults.Row>> rows(HttpServletRequest request, int year);

    /** The app's address, e.g. {@code /admin/avis/}. */
    abstract String base();

    /** Whether the page is the organisers' (every company, by region; no comments on the page). */
    abstract boolean organisers();

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> page(request, response))
                .get("/" + CSV, (request, response, route) -> csv(request, response))
                .build();
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Map<String, String> m = CompanyPages.messages(lang);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", m);
        model.put("base", base());
        model.put("years", years());
        model.put("organisers", organisers());
        Optional<Integer> year = year(request.getParameter("edition"));
        if (year.isEmpty()) {
            response.setStatus(400);
            model.put("error", m.get("surveys.badEdition"));
            AdminViews.render(request, response, "events/surveys.ftlh", model);
            return;
        }
        Optional<List<SurveyResults.Row>> rows = rows(request, year.get());
        if (rows.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        model.put("error", "");
        model.put("year", year.get());
        model.put("total", SurveyResults.total(rows.get()));
        Map<String, SurveyTally> byAudience = new LinkedHashMap<>();
        SurveyResults.by(rows.get(), row -> row.audience().id())
                .forEach((audience, tally) -> byAudience.put(fr.usinesouvertes.events.edition.Audience.fromId(audience)
                        .map(a -> AudienceLabels.of(a, lang)).orElse(audience), tally));
        model.put("byAudience", byAudience);
        model.put("bySite", SurveyResults.by(rows.get(), row -> organisers() ? row.company() + " – " + row.site()
                : row.site()));
        model.put("byRegion", organisers() ? SurveyResults.by(rows.get(), SurveyResults.Row::region) : Map.of());
        model.put("comments", organisers() ? List.of() : rows.get().stream()
                .filter(row -> !row.answer().comment().isBlank()).toList());
        model.put("interests", SurveyAnswer.INTERESTS);
        AdminViews.render(request, response, "events/surveys.ftlh", model);
    }

    private void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Integer> year = year(request.getParameter("edition"));
        if (year.isEmpty()) {
            response.setStatus(400);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("edition: not an edition of the platform (e.g. 2026)\n");
            return;
        }
        Optional<List<SurveyResults.Row>> rows = rows(request, year.get());
        if (rows.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"enquete-" + year.get() + ".csv\"");
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        SurveyResults.csv(rows.get(), organisers(), response.getOutputStream());
    }

    private List<Integer> years() {
        return editions.all().stream().map(Edition::year).sorted(Comparator.reverseOrder()).toList();
    }

    /** The edition asked, else the current one; empty for anything that is not an edition's year. */
    private Optional<Integer> year(String asked) {
        if (asked == null || asked.isBlank()) {
            return CurrentEdition.of(editions, clock, zone).map(Edition::year).or(() -> years().stream().findFirst());
        }
        return Optional.of(asked.strip()).filter(text -> text.matches("[0-9]{4}")).map(Integer::valueOf)
                .filter(years()::contains);
    }
}
