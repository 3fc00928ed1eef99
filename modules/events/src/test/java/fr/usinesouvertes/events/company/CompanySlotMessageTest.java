package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Écrire aux inscrits de ce créneau", over HTTP with GreenMail: a company writes to one of its slots; the confirmed
 * registrants of that slot get it, each in their language, and nobody else (the waiting family, the other slot's
 * class); the page shows no address; bad fields answer 400 naming them and send nothing; without the CSRF token 403;
 * another company's slot 404; the organisers find the message recorded.
 */
class CompanySlotMessageTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("public-url", "https://journees.example.fr")
            .modules(new EventsModule());

    private static final String TEXT = "Le parking visiteurs est fermé ce jour-là : garez-vous rue de la Gare.\n"
            + "Prévoyez des chaussures fermées.";

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aCompanyWritesToTheConfirmedRegistrantsOfOneSlotOnly() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha",
                "alpha@fonderie.example.fr", "Fonderie Alpha de Santes");
        CancellationFixtures.PublishedSheet other = CancellationFixtures.publishedSheet(PLATFORM, "Tissage Beta",
                "beta@tissage.example.fr", "Tissage Beta de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "alpha.example.fr");
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("alpha@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String page = "/admin/entreprise/creneaux/" + sheet.saturdaySlot() + "/message";

        assertThat(company.get("/admin/entreprise/sites/" + sheet.slug() + "/inscriptions").body())
                .contains("href=\"" + page + "\"", "Écrire aux inscrits de ce créneau");
        HttpResponse<String> form = company.get(page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Écrire aux inscrits de ce créneau", "3 inscription(s) confirmée(s) (18 personnes)",
                "name=\"subject\"", "name=\"text\"", "name=\"_csrf\"").doesNotContain("@alpha.example.fr");

        // refused fields: 400 naming them, the values kept, nothing sent
        HttpResponse<String> noSubject = company.post(page, Map.of("subject", " ", "text", TEXT));
        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(noSubject.body()).contains("id=\"e-subject\"", "aria-invalid=\"true\"", "Indiquez l&#39;objet du message.",
                "garez-vous rue de la Gare").doesNotContain("id=\"e-text\"");
        HttpResponse<String> shortText = company.post(page, Map.of("subject", "Parking", "text", "Merci"));
        assertThat(shortText.statusCode()).isEqualTo(400);
        assertThat(shortText.body()).contains("id=\"e-text\"", "entre 10 et 5000 caractères (ici 5)");
        HttpResponse<String> longSubject = company.post(page, Map.of("subject", "P".repeat(151), "text", TEXT));
        assertThat(longSubject.statusCode()).isEqualTo(400);
        assertThat(longSubject.body()).contains("id=\"e-subject\"");
        assertThat(company.postRaw(page, Map.of("subject", "Parking", "text", TEXT)).statusCode()).isEqualTo(403);
        Thread.sleep(1_500);
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        // another company cannot read nor write to this slot
        AdminBrowser beta = AdminBrowser.on(PLATFORM);
        beta.login("beta@tissage.example.fr", CompanyAccessTestSupport.PASSWORD);
        assertThat(beta.get(page).statusCode()).isEqualTo(404);
        assertThat(beta.post(page, Map.of("subject", "Parking", "text", TEXT)).statusCode()).isEqualTo(404);
        assertThat(beta.post(page, Map.of("subject", "", "text", "")).statusCode()).isEqualTo(404);

        HttpResponse<String> sent = company.post(page, Map.of("subject", "Parking", "text", TEXT));
        assertThat(sent.statusCode()).isIn(302, 303);
        assertThat(company.get(page).body()).contains("Message envoyé : 3 e-mail(s)");

        List<MimeMessage> received = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.asList(SMTP.getReceivedMessages()), found -> found.size() >= 3);
        Thread.sleep(1_500); // and no more
        received = Arrays.asList(SMTP.getReceivedMessages());
        assertThat(received).hasSize(3);
        assertThat(received.stream().map(CompanySlotMessageTest::recipient))
                .containsExactlyInAnyOrder("martin@alpha.example.fr", "smith@alpha.example.fr", "nguyen@alpha.example.fr");
        MimeMessage martin = to(received, "martin@alpha.example.fr");
        assertThat(martin.getSubject()).isEqualTo("Message de Fonderie Alpha : Parking");
        String text = CompanySpaceTestSupport.body(martin);
        assertThat(text).contains("Bonjour Famille Martin", "L'entreprise Fonderie Alpha, que vous visiterez, écrit aux inscrits",
                "> Le parking visiteurs est fermé ce jour-là : garez-vous rue de la Gare.", "> Prévoyez des chaussures fermées.",
                "samedi 21 mars 2026", "Nombre de personnes : 6", "https://journees.example.fr/inscription/gestion/",
                "à chaque inscrit séparément");
        System.out.println("--- company message as received ---\nSubject: " + martin.getSubject() + "\n\n" + text);
        MimeMessage smith = to(received, "smith@alpha.example.fr");
        assertThat(smith.getSubject()).isEqualTo("Message from Fonderie Alpha: Parking");
        assertThat(CompanySpaceTestSupport.body(smith)).contains("Hello Smith family", "writes to those registered for your slot",
                "> Prévoyez des chaussures fermées.", "https://journees.example.fr/en/inscription/gestion/");

        // the organisers' record
        long recorded = PLATFORM.platform().repository().read(session -> {
            javax.jcr.Node records = session.getNode(SlotMessages.RECORDS);
            javax.jcr.Node record = records.getNodes().nextNode();
            assertThat(record.getProperty("company").getString()).isEqualTo(sheet.account().company());
            assertThat(record.getProperty("slot").getString()).isEqualTo(sheet.saturdaySlot());
            assertThat(record.getProperty("account").getString()).isEqualTo("alpha@fonderie.example.fr");
            assertThat(record.getProperty("subject").getString()).isEqualTo("Parking");
            return record.getProperty("recipients").getLong();
        });
        assertThat(recorded).isEqualTo(3);
        assertThat(other.slug()).isNotEqualTo(sheet.slug());
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage to(List<MimeMessage> messages, String address) {
        return messages.stream().filter(message -> recipient(message).equals(address)).findFirst().orElseThrow();
    }
}
