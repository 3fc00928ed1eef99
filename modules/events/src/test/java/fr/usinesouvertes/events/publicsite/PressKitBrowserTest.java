package fr.usinesouvertes.events.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium, on the site's light module: the communication team creates the press kit folder in the
 * media library, uploads its PDFs, publishes the folder with everything in it, and the PDFs are listed in the
 * press room (and gone again once the folder is unpublished); the "Kit de l'Industrie de Demain" published in
 * /kits shows on the schools page; an image described in the media library shows with its alternative text,
 * caption and credit in the home page's banner.
 */
class PressKitBrowserTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().setting("clock", "2026-02-10T10:00:00+01:00").setting("login-rate-limit", "0")
            .modules(new EventsModule());

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final String PASSWORD = "correct horse battery";
    static Path files;

    @BeforeAll
    static void editorAndFiles() throws IOException {
        PLATFORM.platform().accounts().create("communication@example.fr", "Camille", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        files = Files.createTempDirectory("press-kit");
        Files.write(files.resolve("Dossier de presse 2026.pdf"), pdf("dossier de presse"));
        Files.write(files.resolve("Communiqué du 11 février 2026.pdf"), pdf("communique"));
        Files.write(files.resolve("logo-couleur.png"), picture());
        Files.write(files.resolve("Kit de l'Industrie de Demain.pdf"), pdf("kit"));
        Files.write(files.resolve("atelier.png"), picture());
    }

    @Test
    void thePressKitFolderIsPublishedFromTheMediaLibraryAndItsPdfsListedInThePressRoom() throws Exception {
        BROWSER.logIn(PLATFORM, "communication@example.fr", PASSWORD);
        assertThat(pressKit()).isEmpty();
        BROWSER.open(PLATFORM.uri("/admin/assets/"));
        BROWSER.find("#folder-name").sendKeys("presse");
        BROWSER.clickAndWait("form.new-folder button[type=submit]");
        openFolder("presse");
        upload(files.resolve("Dossier de presse 2026.pdf"), files.resolve("Communiqué du 11 février 2026.pdf"),
                files.resolve("logo-couleur.png"));
        BROWSER.clickAndWait(".upload-reload");
        assertThat(texts(".asset-card .card-title")).containsExactly("Dossier de presse 2026",
                "Communiqué du 11 février 2026", "logo-couleur");
        assertThat(pressKit()).as("drafts are not public").isEmpty();

        BROWSER.clickAndWait(".folder-publishing button[value=publish-all]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Dossier publié avec tout son contenu.");
        assertThat(texts(".asset-card .badge")).containsExactly("Publié", "Publié", "Publié");
        BROWSER.screenshot("press-kit-folder-published");

        BROWSER.open(PLATFORM.uri("/salle-de-presse"));
        List<WebElement> links = BROWSER.driver().findElements(By.cssSelector(".press-kit a"));
        assertThat(links.stream().map(WebElement::getText)).containsExactly("Dossier de presse 2026 (PDF)",
                "Communiqué du 11 février 2026 (PDF)"); // the PDFs only, not the logo
        BROWSER.driver().executeScript("document.querySelector('.press-kit').scrollIntoView()");
        BROWSER.screenshot("press-room-press-kit");
        BROWSER.assertAccessible();
        for (WebElement link : links) {
            String href = link.getAttribute("href");
            HttpResponse<String> pdf = PLATFORM.get(href.substring(href.indexOf("/dam/")));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        }
        BROWSER.open(PLATFORM.uri("/en/salle-de-presse"));
        assertThat(texts(".press-kit a")).hasSize(2);

        // and offline again with the folder
        BROWSER.open(PLATFORM.uri("/admin/assets/?folder=%2Fpresse"));
        BROWSER.clickAndWait(".folder-publishing button[value=unpublish]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Dossier dépublié avec tout son contenu.");
        assertThat(pressKit()).isEmpty();
    }

    @Test
    void theKitPublishedInKitsShowsOnTheSchoolsPage() throws Exception {
        BROWSER.logIn(PLATFORM, "communication@example.fr", PASSWORD);
        assertThat(Jsoup.parse(PLATFORM.get("/scolaires").body()).select("a.button[href^=/dam/]")).isEmpty();
        BROWSER.open(PLATFORM.uri("/admin/assets/"));
        BROWSER.find("#folder-name").sendKeys("kits");
        BROWSER.clickAndWait("form.new-folder button[type=submit]");
        openFolder("kits");
        upload(files.resolve("Kit de l'Industrie de Demain.pdf"));
        BROWSER.clickAndWait(".upload-reload");
        BROWSER.clickAndWait(".folder-publishing button[value=publish-all]");

        BROWSER.open(PLATFORM.uri("/scolaires"));
        WebElement kit = BROWSER.find("a.button[href*='/dam/jcr:']");
        assertThat(kit.getText()).contains("Kit de l'Industrie de Demain");
        assertThat(kit.getAttribute("href")).endsWith("/kit-de-l-industrie-de-demain.pdf");
    }

    @Test
    void anImageDescribedInTheMediaLibraryShowsWithItsAltTextCaptionAndCreditInTheHomeBanner() throws Exception {
        BROWSER.logIn(PLATFORM, "communication@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/assets/"));
        BROWSER.find("#folder-name").sendKeys("accueil");
        BROWSER.clickAndWait("form.new-folder button[type=submit]");
        openFolder("accueil");
        upload(files.resolve("atelier.png"));
        BROWSER.clickAndWait(".upload-reload");
        BROWSER.clickAndWait(BROWSER.driver().findElement(By.xpath("//a[contains(@class,'card-link')][normalize-space()='atelier']")));
        BROWSER.find("#f-alternative").sendKeys("Une opératrice règle une presse dans l'atelier");
        BROWSER.find("#f-alternative_en").sendKeys("An operator sets up a press in the workshop");
        BROWSER.find("#f-caption").sendKeys("L'atelier d'emboutissage");
        BROWSER.find("#f-copyright").sendKeys("© Usine Exemple – photo C. Durand");
        BROWSER.clickAndWait(".asset-metadata button[type=submit]");
        String id = BROWSER.find(".asset-facts code").getText();
        BROWSER.clickAndWait(".publishing button[value=publish]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Publié.");

        PLATFORM.platform().repository().write(session -> {
            session.getNode("/website/journees-usines-ouvertes/main/0").setProperty("image", id);
            return null;
        });
        PLATFORM.platform().publishing().publish("test", "website", "/journees-usines-ouvertes", false);
        BROWSER.open(PLATFORM.uri("/"));
        WebElement figure = BROWSER.find(".hero figure.hero-figure");
        assertThat(figure.findElement(By.tagName("img")).getAttribute("alt")).isEqualTo("Une opératrice règle une presse dans l'atelier");
        assertThat(figure.findElement(By.tagName("figcaption")).getText())
                .isEqualTo("L'atelier d'emboutissage © Usine Exemple – photo C. Durand");
        BROWSER.screenshot("home-hero-image");
        BROWSER.assertAccessible();
        Document english = Jsoup.parse(PLATFORM.get("/en/").body());
        assertThat(english.selectFirst(".hero-figure img").attr("alt")).isEqualTo("An operator sets up a press in the workshop");
        assertThat(english.selectFirst(".hero-figure figcaption").text()).isEqualTo("L'atelier d'emboutissage © Usine Exemple – photo C. Durand");
    }

    private static List<String> pressKit() {
        return Jsoup.parse(PLATFORM.get("/salle-de-presse").body()).select(".press-kit a").eachText();
    }

    private static void openFolder(String name) {
        BROWSER.clickAndWait(BROWSER.driver().findElement(By.xpath(
                "//a[contains(@class,'card-link')][normalize-space()='" + name + "']")));
    }

    private static void upload(Path... paths) {
        BROWSER.find("#file").sendKeys(String.join("\n", java.util.Arrays.stream(paths).map(Path::toString).toList()));
        BROWSER.find("form.upload-form button[type=submit]").click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(30)).until(driver ->
                driver.findElement(By.cssSelector(".upload-progress")).getText().contains("Terminé"));
        assertThat(BROWSER.find(".upload-summary").getText())
                .isEqualTo("Terminé : " + paths.length + " fichier(s) ajouté(s), 0 refusé(s).");
    }

    private static List<String> texts(String css) {
        return BROWSER.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n%" + text + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A small picture with colours, so that screenshots show it. */
    private static byte[] picture() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 320, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0xB2, 0x3C, 0x00), 480, 320, new java.awt.Color(0x14, 0x21, 0x3D)));
        g.fillRect(0, 0, 480, 320);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(60, 140, 120, 140);
        g.fillRect(220, 100, 80, 180);
        g.fillRect(340, 170, 90, 110);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
