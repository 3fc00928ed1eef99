package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.moderation.ModerationQueue;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.WebSessions;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Site photos: uploaded by the company (multipart, CSRF), checked whole (a damaged image is refused, 400, naming the
 * field), served with the headers of uploaded files, hidden from the public until the sheet is approved, never
 * another company's.
 */
class SitePhotosTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().setting("clock", "2025-10-01T10:00:00+02:00").modules(new EventsModule());

    /** The smallest valid PNG: one transparent pixel. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void aPhotoIsPublicOnlyOnceTheSheetIsApprovedAndOnlyItsCompanyManagesIt() {
        Account zeta = CompanyAccessTestSupport.company(PLATFORM, "Zeta Bois", "zeta@bois.example.fr");
        Account eta = CompanyAccessTestSupport.company(PLATFORM, "Eta Papier", "eta@papier.example.fr");
        CompanySession session = new AccountCompanySession(PLATFORM.platform().repository(), zeta);
        String site = new CompanySites(PLATFORM.platform().repository(), CompanyGrants.PLATFORM).create(session,
                CompanyFixtures.site("Scierie Zeta", "Épinal", "Grand Est"));
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.login(zeta.login(), CompanyAccessTestSupport.PASSWORD);
        browser.get("/admin/entreprise/sites/" + site);

        HttpResponse<String> notAnImage = upload(browser, site, "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "Logo");
        assertThat(notAnImage.statusCode()).isEqualTo(400);
        assertThat(notAnImage.body()).contains("Format non pris en charge : JPEG, PNG ou WebP.");
        assertThat(new SitePhotos(PLATFORM.platform().repository()).list(session, site)).isEmpty();
        assertThat(upload(browser, site, PNG, "La scierie vue du ciel").statusCode()).isEqualTo(303);
        String page = browser.get("/admin/entreprise/sites/" + site).body();
        assertThat(page).contains("alt=\"La scierie vue du ciel\"");
        String name = page.replaceAll("(?s).*/sites/" + site + "/photos/([a-z0-9]+)\".*", "$1");
        HttpResponse<String> preview = browser.get("/admin/entreprise/sites/" + site + "/photos/" + name);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertUploadedFileHeaders(preview);

        AdminBrowser other = AdminBrowser.on(PLATFORM);
        other.login(eta.login(), CompanyAccessTestSupport.PASSWORD);
        assertThat(other.get("/admin/entreprise/sites/" + site + "/photos/" + name).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get(SitePhotosServlet.PATH + "/" + site + "/" + name).statusCode()).isEqualTo(404);

        EventSheets sheets = new EventSheets(PLATFORM.platform().repository(), CompanyGrants.PLATFORM, EventSheetsTest.OCTOBER, EventSheetsTest.PARIS);
        sheets.save(session, site, SheetForm.validate(CompanyFixtures.sheetValues(), sheets.currentEdition(), EventSheetsTest.PARIS, Lang.FR).form());
        sheets.submit(session, site, Lang.FR);
        new ModerationQueue(PLATFORM.platform().repository(), CompanyGrants.PLATFORM, mail -> { }, PublicUrl.of("https://x.example"), EventSheetsTest.OCTOBER, EventSheetsTest.PARIS)
                .approve(2026, site);

        HttpResponse<String> published = PLATFORM.get(SitePhotosServlet.PATH + "/" + site + "/" + name);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertUploadedFileHeaders(published);
        assertThat(PLATFORM.get("/usines/" + site).body()).contains(SitePhotosServlet.PATH + "/" + site + "/" + name,
                "alt=\"La scierie vue du ciel\"");
    }

    @Test
    void aTruncatedOrCorruptPhotoIsRefusedNamingTheFieldAndTheReasonAndNothingIsStored() throws Exception {
        Account theta = CompanyAccessTestSupport.company(PLATFORM, "Theta Verre", "theta@verre.example.fr");
        CompanySession session = new AccountCompanySession(PLATFORM.platform().repository(), theta);
        String site = new CompanySites(PLATFORM.platform().repository(), CompanyGrants.PLATFORM).create(session,
                CompanyFixtures.site("Verrerie Theta", "Nancy", "Grand Est"));
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.login(theta.login(), CompanyAccessTestSupport.PASSWORD);
        browser.get("/admin/entreprise/sites/" + site);
        byte[] png = image("png");
        byte[] jpeg = image("jpeg");
        byte[] corrupt = png.clone();
        for (int i = png.length / 3; i < png.length / 2; i++) {
            corrupt[i] ^= 0x55;
        }
        for (byte[] damaged : new byte[][] {Arrays.copyOf(png, png.length - 10), Arrays.copyOf(png, png.length / 2),
                Arrays.copyOf(jpeg, jpeg.length - 100), corrupt}) {
            HttpResponse<String> refused = upload(browser, site, damaged, "Le four de la verrerie");
            assertThat(refused.statusCode()).isEqualTo(400);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select(".form-errors li").text()).isEqualTo("Image du site : Image illisible ou endommagée.");
            assertThat(page.select(".form-errors a").attr("href")).isEqualTo("#f-image");
            assertThat(page.selectFirst("#f-image").attr("aria-describedby")).isEqualTo("e-image");
        }
        assertThat(new SitePhotos(PLATFORM.platform().repository()).list(session, site)).isEmpty();
        Boolean folder = PLATFORM.platform().repository().read(s -> s.nodeExists(CompanySites.ROOT + "/" + site + "/photos"));
        assertThat(folder).isFalse();

        assertThat(upload(browser, site, png, "Le four de la verrerie").statusCode()).isEqualTo(303);
        assertThat(new SitePhotos(PLATFORM.platform().repository()).list(session, site)).hasSize(1);
    }

    /** A 640 × 480 image with a few coloured dots, so it compresses to some kilobytes. */
    private static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y += 5) {
            for (int x = 0; x < 640; x += 3) {
                image.setRGB(x, y, x * 7919 + y * 104_729);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static void assertUploadedFileHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .contains("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    }

    private static HttpResponse<String> upload(AdminBrowser browser, String site, byte[] image, String alt) {
        String boundary = "----photo" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + browser.csrf() + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"photo.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(image);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(PLATFORM.uri("/admin/entreprise/sites/" + site + "/photos"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", WebSessions.COOKIE + "=" + browser.cookie(WebSessions.COOKIE))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return PLATFORM.send(request);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
