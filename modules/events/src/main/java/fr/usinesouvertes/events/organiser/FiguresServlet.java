package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.company.AdminRequests;
import fr.usinesouvertes.events.company.AudienceLabels;
import fr.usinesouvertes.events.company.CompanyPages;
import fr.usinesouvertes.events.company.CurrentEdition;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The organisers' dashboard {@value #NAME} (role ADMIN): an edition's figures ({@link EditionFigures}) — sheets by
 * status; sites, slots, places and confirmed, waiting and cancelled persons in total and by region, department,
 * audience and day — beside the previous edition's. {@code ?edition=2025} picks the edition (400 for a bad one).
 */
public final class FiguresServlet extends RoutedServlet {

    public static final String NAME = "chiffres";

    /** A line of a figures table, by the template's column names; {@code before}: the previous edition's. */
    public record FiguresRow(String label, long sites, long slots, long places, long confirmed, long waitlisted,
                             long cancelled, long present, long noShows, long walkIns, FiguresRow before) {
    }

    private final transient EditionFigures figures;
    private final transient EditionStore editions;
    private final transient Clock clock;
    private final transient ZoneId zone;

    /** @param zone the site's time zone, whose today picks the current edition */
    public FiguresServlet(EditionFigures figures, EditionStore editions, Clock clock, ZoneId zone) {
        this.figures = figures;
        this.editions = editions;
        this.clock = clock;
        this.zone = zone;
    }

    /** The app has one page. */
    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder().get("/", (request, response, route) -> page(request, response)).build();
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Lang lang = AdminRequests.lang(request);
        Map<String, String> m = CompanyPages.messages(lang);
        List<Integer> years = editions.all().stream().map(Edition::year).sorted(Comparator.reverseOrder()).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", m);
        model.put("years", years);
        String asked = request.getParameter("edition");
        Optional<Integer> year = asked == null || asked.isBlank()
                ? CurrentEdition.of(editions, clock, zone).map(Edition::year).or(() -> years.stream().findFirst())
                : Optional.of(asked.strip()).filter(text -> text.matches("[0-9]{4}")).map(Integer::valueOf)
                        .filter(years::contains);
        if (year.isEmpty()) {
            response.setStatus(asked == null || asked.isBlank() ? 200 : 400);
            model.put("error", asked == null || asked.isBlank() ? "" : m.get("figures.unknownEdition") + " " + asked.strip());
            AdminViews.render(request, response, "events/figures.ftlh", model);
            return;
        }
        EditionFigures.Figures current = figures.of(year.get());
        Optional<EditionFigures.Figures> previous = years.stream().filter(y -> y < year.get()).findFirst().map(figures::of);
        model.put("error", "");
        model.put("year", year.get());
        model.put("previousYear", previous.map(EditionFigures.Figures::year).orElse(0));
        model.put("sheetsByStatus", current.sheetsByStatus());
        model.put("total", row("", current.total(), previous.map(EditionFigures.Figures::total).orElse(null)));
        model.put("byRegion", rows(current.byRegion(), previous.map(EditionFigures.Figures::byRegion).orElse(Map.of()),
                key -> key));
        model.put("byDepartment", rows(current.byDepartment(),
                previous.map(EditionFigures.Figures::byDepartment).orElse(Map.of()), key -> key));
        model.put("byAudience", rows(current.byAudience(), previous.map(EditionFigures.Figures::byAudience).orElse(Map.of()),
                key -> Audience.fromId(key).map(a -> AudienceLabels.of(a, lang)).orElse(key)));
        Map<String, EditionFigures.Line> days = new LinkedHashMap<>();
        current.byDay().forEach((LocalDate day, EditionFigures.Line line) -> days.put(FrenchDates.dayWithWeekday(day, lang), line));
        model.put("byDay", rows(days, Map.of(), key -> key));
        model.put("bySite", rows(current.bySite(), Map.of(), key -> key));
        AdminViews.render(request, response, "events/figures.ftlh", model);
    }

    private static <K> List<FiguresRow> rows(Map<K, EditionFigures.Line> lines, Map<K, EditionFigures.Line> before,
                                             Function<K, String> label) {
        List<FiguresRow> rows = new ArrayList<>();
        lines.forEach((key, line) -> rows.add(row(label.apply(key), line, before.get(key))));
        return rows;
    }

    /**
     * A table row; {@code before} is the same line of the previous edition, or null: its row then counts zero, what
     * the template shows for a line the previous edition did not have.
     */
    private static FiguresRow row(String label, EditionFigures.Line line, EditionFigures.Line before) {
        return counts(label, line, counts(label, before == null ? new EditionFigures.Line() : before, null));
    }

    private static FiguresRow counts(String label, EditionFigures.Line line, FiguresRow before) {
        return new FiguresRow(label, line.sites(), line.slots(), line.places(), line.confirmedPersons(),
                line.waitlistedPersons(), line.cancelledPersons(), line.presentPersons(), line.noShowPersons(),
                line.walkInPersons(), before);
    }
}
