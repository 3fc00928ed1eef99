package fr.usinesouvertes.events.survey.results;

import fr.usinesouvertes.events.edition.EditionStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The organisers' survey results, back-office app {@value #NAME} (role ADMIN): every site's answers counted by
 * audience, site and region; every answer as CSV at {@code /admin/enquetes/resultats.csv?edition=2026}.
 */
public final class OrganiserSurveyServlet extends SurveyResultsServlet {

    public static final String NAME = "enquetes";

    private final transient SurveyResults results;

    public OrganiserSurveyServlet(SurveyResults results, EditionStore editions, Clock clock, ZoneId zone) {
        super(editions, clock, zone);
        this.results = results;
    }

    @Override
    Optional<List<SurveyResults.Row>> rows(HttpServletRequest request, int year) {
        return Optional.of(results.edition(year));
    }

    @Override
    String base() {
        return "/admin/" + NAME + "/";
    }

    @Override
    boolean organisers() {
        return true;
    }
}
