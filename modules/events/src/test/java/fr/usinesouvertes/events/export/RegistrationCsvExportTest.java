package fr.usinesouvertes.events.export;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.BookingTestSupport;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.RegistrationForm;
import fr.usinesouvertes.events.registration.SchoolLevel;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationCsvExportTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private ContentRepository repository;
    private SlotBooking booking;

    @BeforeEach
    void open() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        booking = new SlotBooking(repository, Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private void book(RegistrationForm form, String key) {
        booking.book(new BookingRequest(form.slot(), form.seats(), key, form::writeTo));
    }

    private static Visit visit(String slotId, int hour) {
        return new Visit(slotId, "Colas", "Poste d'enrobage; Bruz", "ZI de la Janais, 35170 Bruz",
                ZonedDateTime.of(2026, 3, 20, hour, 0, 0, 0, PARIS), ZonedDateTime.of(2026, 3, 20, hour + 1, 30, 0, 0, PARIS), "");
    }

    private String export(List<Visit> slots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RegistrationCsvExport(repository, java.time.ZoneId.of("Europe/Paris")).write(slots, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.Builder.create().setDelimiter(';').build().parse(new StringReader(csv.substring(1))).getRecords();
    }

    @Test
    void registrationsOfSeveralSlotsAreExportedForExcelWithFrenchHeaders() throws Exception {
        String morning = BookingTestSupport.slot(repository, 30);
        String afternoon = BookingTestSupport.slot(repository, 2);
        book(new RegistrationForm.School(morning, 24, "Lycée \"Jean Moulin\"", "0351234A", "Rennes", SchoolLevel.LYCEE_PROFESSIONNEL,
                2, "Nadia Benali", "n.benali@ac-rennes.fr", "0612345678", true, Lang.FR), "a");
        book(new RegistrationForm.Public(afternoon, 2, "Camille Martin", "camille@example.fr", Lang.EN), "b");
        book(new RegistrationForm.Public(afternoon, 1, "Jean\nDupont", "jean@example.fr", Lang.FR), "c");

        String csv = export(List.of(visit(morning, 9), visit(afternoon, 14)));

        assertThat(csv).startsWith("\uFEFFEntreprise;Site;Date;Début;Fin;Public;Statut;");
        assertThat(csv).contains("\r\n");
        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).toList()).isEqualTo(RegistrationCsvExport.HEADERS);
        CSVRecord school = records.get(1);
        assertThat(school.get(1)).isEqualTo("Poste d'enrobage; Bruz");
        assertThat(school.get(2)).isEqualTo("20/03/2026");
        assertThat(school.get(3)).isEqualTo("09:00");
        assertThat(school.get(4)).isEqualTo("10:30");
        assertThat(school.get(5)).isEqualTo("Groupe scolaire");
        assertThat(school.get(6)).isEqualTo("Confirmée");
        assertThat(school.get(7)).isEqualTo("26");
        assertThat(school.get(8)).isEqualTo("24");
        assertThat(school.get(10)).isEqualTo("Nadia Benali");
        assertThat(school.get(13)).isEqualTo("Lycée \"Jean Moulin\"");
        assertThat(school.get(16)).isEqualTo("Lycée professionnel");
        assertThat(school.get(17)).isEqualTo("oui");
        assertThat(school.get(20)).isEqualTo("10/02/2026 10:00");
        assertThat(records.get(2).get(6)).isEqualTo("Confirmée");
        assertThat(records.get(2).get(19)).isEqualTo("en");
        assertThat(records.get(3).get(6)).isEqualTo("Liste d'attente");
        assertThat(records.get(3).get(10)).isEqualTo("Jean\nDupont");
    }

    @Test
    void cellsThatWouldRunAsFormulasAreDefused() throws Exception {
        String slot = BookingTestSupport.slot(repository, 10);
        book(new RegistrationForm.Public(slot, 1, "=HYPERLINK(\"http://evil.example\",\"clic\")", "a@example.fr", Lang.FR), "a");
        book(new RegistrationForm.Public(slot, 1, "+33 cmd", "b@example.fr", Lang.FR), "b");
        book(new RegistrationForm.Public(slot, 1, "-2+3", "c@example.fr", Lang.FR), "c");
        book(new RegistrationForm.Public(slot, 1, "@SUM(A1)", "d@example.fr", Lang.FR), "d");

        List<CSVRecord> records = parse(export(List.of(visit(slot, 9))));

        assertThat(records.stream().skip(1).map(record -> record.get(10)).toList()).containsExactly(
                "'=HYPERLINK(\"http://evil.example\",\"clic\")", "'+33 cmd", "'-2+3", "'@SUM(A1)");
    }

    @Test
    void aSlotWithoutRegistrationsGivesTheHeadersOnly() throws Exception {
        assertThat(parse(export(List.of(visit(BookingTestSupport.slot(repository, 5), 9))))).hasSize(1);
    }
}
