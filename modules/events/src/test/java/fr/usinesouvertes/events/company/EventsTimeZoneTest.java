package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.LocalSmtp;
import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The events module follows the platform's {@code time-zone} setting, whatever the server's default zone: with the
 * site set to America/New_York, the seed's Saturday visit (10:00–12:00 in Paris, stored as instants) is 5:00–7:00 on
 * the public page, in the Delivery API, in its {@code .ics} and in the confirmation e-mail, and a slot a company types
 * for Friday at 9:30 is 9:30 in New York — on a server whose own zone is UTC, Asia/Tokyo or Europe/Paris alike.
 */
class EventsTimeZoneTest {

    static final GreenMail SMTP = LocalSmtp.start();

    /** Saturday 21 March 2026, 10:00–12:00 in Paris (UTC+1): 5:00–7:00 in New York, on daylight time since 8 March. */
    private static final String SEED_SATURDAY_SLOT = "10ad318e-073f-5998-8b92-ce2941155cdc";

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Tokyo", "Europe/Paris"})
    void theSiteShowsAndTakesNewYorkTimes(String serverZone) throws Exception {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(serverZone));
        PlatformExtension platform = PlatformExtension
                .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
                .inMemory()
                .setting("time-zone", "America/New_York")
                .setting("clock", "2026-02-10T10:00:00+01:00")
                .setting("smtp-host", "127.0.0.1")
                .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
                .setting("smtp-starttls", "false")
                .setting("mail-from", "Journées Usines Ouvertes <organisation@journees.example.fr>")
                .setting("public-url", "https://journees.example.fr")
                .modules(new EventsModule());
        try {
            platform.beforeAll(null);
            String domain = serverZone.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".fuseau.example.org";

            String page = Jsoup.parse(platform.get("/usines/colas-santes").body()).text();
            assertThat(page).as(serverZone).contains("Samedi 21 mars 2026", "05h00 – 07h00").doesNotContain("10h00 – 12h00");

            String delivery = platform.get("/.rest/delivery/events/v1?site=colas-santes").body();
            assertThat(delivery).as(serverZone).contains("\"start\":\"2026-03-21T05:00:00-04:00\"",
                    "\"end\":\"2026-03-21T07:00:00-04:00\"");

            String ics = platform.get("/.rest/events/v1/slots/" + SEED_SATURDAY_SLOT + ".ics").body();
            assertThat(ics).as(serverZone).contains("TZID:America/New_York", "DTSTART;TZID=America/New_York:20260321T050000",
                    "DTEND;TZID=America/New_York:20260321T070000").doesNotContain("Europe/Paris");

            HttpResponse<String> registered = platform.post("/.rest/registrations/v1", "application/json",
                    "{\"slot\":\"" + SEED_SATURDAY_SLOT + "\",\"audience\":\"public\",\"name\":\"Famille Martin\","
                            + "\"email\":\"martin@" + domain + "\",\"persons\":2,\"consent\":true,\"lang\":\"fr\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            MimeMessage confirmation = CompanySpaceTestSupport.awaitMails(SMTP, domain, 1).get(0);
            assertThat(confirmation.getSubject()).endsWith("samedi 21 mars 2026");
            assertThat(CompanySpaceTestSupport.body(confirmation)).as(serverZone).contains("de 5 h 00 à 7 h 00",
                    "DTSTART;TZID=America/New_York:20260321T050000");

            CompanyAccessTestSupport.company(platform, "Fonderie Horaire", "horaire@" + domain);
            AdminBrowser company = AdminBrowser.on(platform);
            company.login("horaire@" + domain, CompanyAccessTestSupport.PASSWORD);
            company.get("/admin/entreprise/sites/nouveau");
            HttpResponse<String> created = company.post("/admin/entreprise/sites/nouveau",
                    CompanyFixtures.siteValues("Fonderie Horaire de Santes", "Santes", "Hauts-de-France"));
            String sheetPage = created.headers().firstValue("Location").orElseThrow();
            String slug = sheetPage.replaceAll(".*/sites/([^/]+)/fiche", "$1");
            assertThat(company.get(sheetPage).body()).contains("vendredi 20 mars 2026", "samedi 21 mars 2026");
            assertThat(company.post(sheetPage, CompanyFixtures.sheetValues()).statusCode()).isEqualTo(303);
            assertThat(slotStarts(platform, slug)).as(serverZone).containsExactly(
                    Instant.parse("2026-03-20T13:30:00Z"), // Friday 9:30 in New York (UTC-4)
                    Instant.parse("2026-03-21T14:00:00Z")); // Saturday 10:00
            assertThat(company.get(sheetPage).body()).contains("value=\"09:30\"", "value=\"11:30\"");
        } finally {
            platform.afterAll(null);
            TimeZone.setDefault(original);
        }
    }

    /** The starts of a sheet's slots as stored, in order. */
    private static List<Instant> slotStarts(PlatformExtension platform, String slug) {
        return platform.platform().repository().read(session -> {
            List<Instant> starts = new ArrayList<>();
            for (javax.jcr.Node slot : fr.usinesouvertes.events.site.SheetSlots.inStartOrder(
                    session.getNode(EventSheets.ROOT + "/2026/" + slug))) {
                starts.add(slot.getProperty("start").getDate().toInstant());
            }
            return starts;
        });
    }
}
