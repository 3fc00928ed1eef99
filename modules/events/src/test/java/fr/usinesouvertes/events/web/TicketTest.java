package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ticket: the confirmation e-mail (over SMTP, GreenMail) shows a QR code as an inline part that decodes to the
 * ticket page's address; the page shows the visit and no personal data; a forged token, a manage link's token and a
 * cancelled registration's ticket are refused; the registrant's own page shows the ticket.
 */
class TicketTest {

    static final GreenMail SMTP = LocalSmtp.start();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"));
    static final String PUBLIC_URL = "https://journees-usines-ouvertes.fr";
    private static final Pattern TICKET = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/billet/([A-Za-z0-9_.-]+)");

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .clock(CLOCK)
            .setting("registration-rate-limit", "0")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("public-url", PUBLIC_URL + "/")
            .modules(new EventsModule());

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void theConfirmationCarriesAQrCodeOfTheTicketWhosePageShowsTheVisit() throws Exception {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");
        String email = "ticket.family@example.fr";
        HttpResponse<String> booked = PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, email, 4, "fr"));
        assertThat(booked.statusCode()).isEqualTo(201);

        MimeMessage confirmation = awaitMessageTo(email, 1).get(0);
        assertThat(confirmation.getSubject()).startsWith("Inscription confirmée");
        Part qr = Outbox.inline(confirmation, "ticket-qr");
        assertThat(qr).as("inline QR code part").isNotNull();
        assertThat(qr.isMimeType("image/png")).isTrue();
        assertThat(qr.getDisposition()).isEqualToIgnoringCase(Part.INLINE);
        String decoded = decode(bytes(qr));
        Matcher ticket = TICKET.matcher(decoded);
        assertThat(ticket.matches()).as("QR code content %s", decoded).isTrue();
        String token = ticket.group(1);
        // no personal data in the code: neither the address, nor the name, nor the head count
        assertThat(decoded).doesNotContain("@", "Nadia", "Benali", "example");
        assertThat(Outbox.html(confirmation)).contains("<img src=\"cid:ticket-qr\"", decoded);
        assertThat(Outbox.text(confirmation)).contains("Votre billet", decoded);
        Files.writeString(Path.of("target/ticket-confirmation.txt"), Outbox.text(confirmation));
        Files.writeString(Path.of("target/ticket-confirmation.html"), Outbox.html(confirmation));
        Files.write(Path.of("target/ticket-confirmation-qr.png"), bytes(qr));

        HttpResponse<String> page = PLATFORM.get("/billet/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(page.body()).contains("Billet", "Ticket", "Fonderie d&#39;essai", "Site de Santes",
                        "vendredi 20 mars 2026", "Friday 20 March 2026", "14 h 00 – 16 h 00", "Poste de garde",
                        "Imprimer", "ticket.css", "noindex", "/inscription/gestion/", "/en/inscription/gestion/",
                        "/billet/" + token + ".png")
                .doesNotContain(email, "Benali");
        assertThat(page.body()).containsPattern("ticket__persons\">4<");

        HttpResponse<byte[]> png = PLATFORM.http().send(HttpRequest.newBuilder(PLATFORM.uri("/billet/" + token + ".png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(decode(png.body())).isEqualTo(decoded);

        // the registrant's own page shows the ticket too
        String manageToken = Outbox.manageLink(confirmation).group(2);
        HttpResponse<String> manage = PLATFORM.get("/inscription/gestion/" + manageToken);
        assertThat(manage.body()).contains("Mon billet", "/billet/" + token + ".png", "href=\"/billet/" + token + "\"");
        assertThat(PLATFORM.get("/en/inscription/gestion/" + manageToken).body()).contains("My ticket", "/billet/" + token);
    }

    @Test
    void forgedTokensAndTheOtherPurposesTokensAreRefused() throws Exception {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");
        String email = "ticket.forger@example.fr";
        PLATFORM.post(RegistrationResourceTest.API, "application/json", RegistrationResourceTest.publicBody(slot, email, 2, "fr"));
        MimeMessage confirmation = awaitMessageTo(email, 1).get(0);
        Matcher ticket = TICKET.matcher(Outbox.text(confirmation));
        assertThat(ticket.find()).isTrue();
        String token = ticket.group(1);
        String manageToken = Outbox.manageLink(confirmation).group(2);

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        String otherExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        for (String bad : List.of(forged, otherExpiry, manageToken, "nope", "a.b.c")) {
            HttpResponse<String> page = PLATFORM.get("/billet/" + bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(404);
            assertThat(page.body()).contains("Billet introuvable", "lang=\"fr\"");
            assertThat(PLATFORM.get("/billet/" + bad + ".png").statusCode()).isEqualTo(404);
        }
        // nor is a ticket a manage link
        assertThat(PLATFORM.get("/inscription/gestion/" + token).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get(RegistrationResourceTest.API + "/" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void aCancelledRegistrationsTicketSaysSoWith410() throws Exception {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");
        String email = "ticket.cancel@example.fr";
        PLATFORM.post(RegistrationResourceTest.API, "application/json", RegistrationResourceTest.publicBody(slot, email, 2, "en"));
        MimeMessage confirmation = awaitMessageTo(email, 1).get(0);
        assertThat(confirmation.getSubject()).startsWith("Registration confirmed");
        assertThat(Outbox.text(confirmation)).contains("Your ticket");
        Matcher ticket = TICKET.matcher(Outbox.text(confirmation));
        assertThat(ticket.find()).isTrue();
        String token = ticket.group(1);
        String manageToken = Outbox.manageLink(confirmation).group(2);
        assertThat(PLATFORM.get("/billet/" + token).statusCode()).isEqualTo(200);

        HttpResponse<String> cancelled = PLATFORM.http().send(HttpRequest.newBuilder(
                        PLATFORM.uri(RegistrationResourceTest.API + "/" + manageToken)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).isEqualTo(200);

        HttpResponse<String> page = PLATFORM.get("/billet/" + token);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Billet annulé", "Ticket cancelled", "Fonderie d&#39;essai")
                .doesNotContain("/billet/" + token + ".png");
        assertThat(PLATFORM.get("/billet/" + token + ".png").statusCode()).isEqualTo(410);
        assertThat(PLATFORM.get("/inscription/gestion/" + manageToken).body()).doesNotContain("/billet/");
    }

    /** The messages GreenMail received for {@code address}, once there are {@code count}. */
    static List<MimeMessage> awaitMessageTo(String address, int count) {
        return awaitMessageTo(SMTP, address, count);
    }

    static List<MimeMessage> awaitMessageTo(GreenMail smtp, String address, int count) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> to(smtp, address), found -> found.size() >= count);
    }

    static List<MimeMessage> to(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** What a QR code image says (ZXing's reader, as a phone's camera app would). */
    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

}
