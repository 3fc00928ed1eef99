package fr.usinesouvertes.events.edition;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.edition.WindowDecision.Reason;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistrationWindowTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 20);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 3, 21);
    private static ContentRepository repository;
    private static Edition edition;

    @BeforeAll
    static void loadTheBundled2026Edition() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        BundledEditions.importInto(repository);
        edition = new EditionStore(repository, java.time.ZoneId.of("Europe/Paris")).find(2026).orElseThrow();
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    private static RegistrationWindow at(String now) {
        OffsetDateTime time = OffsetDateTime.parse(now);
        return new RegistrationWindow(Clock.fixed(time.toInstant(), time.getOffset()), java.time.ZoneId.of("Europe/Paris"));
    }

    @Test
    void schoolGroupsBeforeTheFirstOfDecemberAreToldWhenItOpens() {
        WindowDecision decision = at("2025-11-30T23:59:59+01:00").visit(edition, "Bretagne", Audience.SCHOOL, FRIDAY);

        assertThat(decision.open()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.NOT_YET_OPEN);
        assertThat(decision.message().fr()).isEqualTo("Les inscriptions des groupes scolaires ouvrent le 1er décembre 2025.");
        assertThat(decision.message().en()).isEqualTo("Registration for school groups opens on 1 December 2025.");
    }

    @Test
    void schoolGroupsMayRegisterFromMidnightParisTimeOnTheFirstOfDecember() {
        assertThat(at("2025-12-01T00:00:00+01:00").visit(edition, "Bretagne", Audience.SCHOOL, FRIDAY).open()).isTrue();
        assertThat(at("2025-12-01T00:00:00+01:00").visit(edition, "Bretagne", Audience.FRANCE_TRAVAIL, FRIDAY).open()).isTrue();
    }

    @Test
    void thePublicOpensOnTheThirtyFirstOfJanuary() {
        WindowDecision before = at("2026-01-30T23:59:00+01:00").visit(edition, null, Audience.PUBLIC, SATURDAY);

        assertThat(before.message().fr()).isEqualTo("Les inscriptions du grand public ouvrent le 31 janvier 2026.");
        assertThat(at("2026-02-10T10:00:00+01:00").visit(edition, null, Audience.PUBLIC, SATURDAY).open()).isTrue();
    }

    @Test
    void saturdayIsForThePublicOnly() {
        WindowDecision decision = at("2026-02-10T10:00:00+01:00").visit(edition, null, Audience.SCHOOL, SATURDAY);

        assertThat(decision.reason()).isEqualTo(Reason.AUDIENCE_NOT_WELCOME_THAT_DAY);
        assertThat(decision.message().fr()).isEqualTo("Le samedi 21 mars 2026 n'est pas ouvert aux visites des groupes scolaires.");
        assertThat(decision.message().en()).isEqualTo("Saturday 21 March 2026 is not open to visits by school groups.");
    }

    @Test
    void aDayOutsideTheEditionIsRefused() {
        WindowDecision decision = at("2026-02-10T10:00:00+01:00").visit(edition, null, Audience.PUBLIC, LocalDate.of(2026, 3, 22));

        assertThat(decision.reason()).isEqualTo(Reason.DAY_NOT_IN_EDITION);
        assertThat(decision.message().fr()).isEqualTo("Le 22 mars 2026 ne fait pas partie de l'édition 2026.");
    }

    @Test
    void visitsCloseOnceTheDayIsOver() {
        assertThat(at("2026-03-21T23:59:00+01:00").visit(edition, null, Audience.PUBLIC, SATURDAY).open()).isTrue();
        assertThat(at("2026-03-22T00:00:00+01:00").visit(edition, null, Audience.PUBLIC, SATURDAY).reason())
                .isEqualTo(Reason.DAY_PASSED);
    }

    @Test
    void ileDeFranceCompaniesSignUpUntilTheFifthOfMarchInclusive() {
        assertThat(at("2026-03-05T23:59:00+01:00").signUp(edition, "Île-de-France", Audience.COMPANY).open()).isTrue();

        WindowDecision after = at("2026-03-06T00:00:00+01:00").signUp(edition, "Île-de-France", Audience.COMPANY);

        assertThat(after.reason()).isEqualTo(Reason.CLOSED);
        assertThat(after.message().fr()).isEqualTo("Les inscriptions des entreprises en Île-de-France sont closes depuis le 5 mars 2026.");
        assertThat(after.message().en()).isEqualTo("Registration for companies in Île-de-France closed on 5 March 2026.");
        assertThat(at("2026-03-06T00:00:00+01:00").signUp(edition, "Occitanie", Audience.COMPANY).open()).isTrue();
    }

    @Test
    void companiesOpenOnTheTwentyThirdOfSeptember() {
        WindowDecision decision = at("2025-09-22T12:00:00+02:00").signUp(edition, "Occitanie", Audience.COMPANY);

        assertThat(decision.message().fr()).isEqualTo("Les inscriptions des entreprises ouvrent le 23 septembre 2025.");
    }

    @Test
    void anAudienceWithoutWindowCannotSignUp() {
        Edition edition2025 = new EditionStore(repository, java.time.ZoneId.of("Europe/Paris")).find(2025).orElseThrow();

        WindowDecision decision = at("2025-03-01T10:00:00+01:00").signUp(edition2025, null, Audience.FRANCE_TRAVAIL);

        assertThat(decision.reason()).isEqualTo(Reason.NO_WINDOW);
        assertThat(decision.message().fr()).isEqualTo("Les inscriptions des groupes France Travail ne sont pas ouvertes pour l'édition 2025.");
    }
}
