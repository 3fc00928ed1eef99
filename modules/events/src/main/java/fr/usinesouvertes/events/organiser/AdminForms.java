package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the schools' back-office pages read alike: the editions, the edition asked, the organiser, the errors' model. */
final class AdminForms {

    private AdminForms() {
    }

    /** The editions' years, newest first. */
    static List<Integer> years(EditionStore editions) {
        return editions.all().stream().map(Edition::year).sorted(Comparator.reverseOrder()).toList();
    }

    /** The edition {@code text} names, if it is one of {@code years}. */
    static Optional<Integer> year(String text, List<Integer> years) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> t.matches("[0-9]{4}"))
                .map(Integer::valueOf).filter(years::contains);
    }

    /** The organiser's login, for the records. */
    static String login(HttpServletRequest request) {
        return CurrentAccount.of(request).map(account -> account.login()).orElse("");
    }

    /** The errors as the error summary lists them. */
    static List<Map<String, String>> errorList(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
    }
}
