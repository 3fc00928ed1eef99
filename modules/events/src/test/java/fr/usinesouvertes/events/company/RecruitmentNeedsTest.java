package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.organiser.RecruitmentCsvExport;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recruitment needs: declared by the company on its own session after the event, read by the organisers' export. */
class RecruitmentNeedsTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().modules(new EventsModule());

    static final Clock AFTER = Clock.fixed(Instant.parse("2026-03-25T09:00:00Z"), ZoneId.of("Europe/Paris"));

    @Test
    void needsDeclaredAfterTheEventReachTheFranceTravailExport() {
        ContentRepository repository = PLATFORM.platform().repository();
        Account account = CompanyAccessTestSupport.company(PLATFORM, "Gamma Métal", "gamma@metal.example.fr");
        CompanySession gamma = new AccountCompanySession(repository, account);
        String site = new CompanySites(repository, CompanyGrants.PLATFORM).create(gamma,
                CompanyFixtures.site("Gamma Évry", "Évry-Courcouronnes", "Île-de-France"));
        EventSheets sheets = new EventSheets(repository, CompanyGrants.PLATFORM, EventSheetsTest.OCTOBER, EventSheetsTest.PARIS);
        Edition edition = sheets.currentEdition();
        sheets.save(gamma, site, SheetForm.validate(CompanyFixtures.sheetValues(), edition, EventSheetsTest.PARIS, Lang.FR).form());
        Map<String, String> values = new HashMap<>();
        values.put("need.0.job", "Soudeur ou soudeuse");
        values.put("need.0.count", "3");
        values.put("need.0.contractType", "CDI");
        values.put("need.1.job", "Technicien de maintenance");
        values.put("need.1.count", "1");
        values.put("need.1.contractType", "Alternance");
        RecruitmentNeeds.Result result = RecruitmentNeeds.validate(values, Lang.FR);
        assertThat(result.errors()).isEmpty();

        assertThatThrownBy(() -> new RecruitmentNeeds(EventSheetsTest.OCTOBER, EventSheetsTest.PARIS).declare(gamma, edition, site, result.needs()))
                .isInstanceOf(RefusedException.class);
        new RecruitmentNeeds(AFTER, EventSheetsTest.PARIS).declare(gamma, edition, site, result.needs());

        assertThat(new RecruitmentNeeds(AFTER, EventSheetsTest.PARIS).list(gamma, 2026, site)).containsExactly(
                new RecruitmentNeed("Soudeur ou soudeuse", 3, "CDI"), new RecruitmentNeed("Technicien de maintenance", 1, "Alternance"));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        int rows = new RecruitmentCsvExport(repository).write(2026, "ile-de-france", csv);
        assertThat(rows).isEqualTo(2);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("Gamma Métal;Gamma Évry;Évry-Courcouronnes;91;Île-de-France;Soudeur ou soudeuse;3;CDI");
    }

    @Test
    void badRowsAreRefusedFieldByField() {
        RecruitmentNeeds.Result result = RecruitmentNeeds.validate(Map.of("need.0.job", "Soudeur", "need.0.count", "0",
                "need.0.contractType", "Bénévolat"), Lang.FR);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("need.0.count", "need.0.contractType");
        assertThat(result.needs()).isEqualTo(List.of());
    }
}
