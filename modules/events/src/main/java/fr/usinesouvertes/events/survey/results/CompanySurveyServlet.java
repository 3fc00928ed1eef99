package fr.usinesouvertes.events.survey.results;

import fr.usinesouvertes.events.company.AccountCompanySession;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The company space's survey results, back-office app {@value #NAME} (role COMPANY): the answers of the company's own
 * sites, read on its account's session, with their comments; CSV at {@code /admin/avis/resultats.csv}.
 */
public final class CompanySurveyServlet extends SurveyResultsServlet {

    public static final String NAME = "avis";

    private final transient ContentRepository repository;
    private final transient SurveyResults results;

    public CompanySurveyServlet(ContentRepository repository, SurveyResults results, EditionStore editions, Clock clock,
                                ZoneId zone) {
        super(editions, clock, zone);
        this.repository = repository;
        this.results = results;
    }

    @Override
    Optional<List<SurveyResults.Row>> rows(HttpServletRequest request, int year) {
        Account account = CurrentAccount.require(request);
        if (account.company() == null || account.company().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(results.company(new AccountCompanySession(repository, account), year));
    }

    @Override
    String base() {
        return "/admin/" + NAME + "/";
    }

    @Override
    boolean organisers() {
        return false;
    }
}
