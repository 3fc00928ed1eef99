package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.publishing.PublicationStatus;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The media library in real Chromium: an editor creates a folder, uploads several files at once (with a
 * progress bar each, a refused one named), drops files on the page, describes an image, publishes the
 * folder with everything in it; every screen checked with axe-core. Screenshots go to target/screenshots.
 */
class AssetLibraryBrowserTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/dam-modules"))
            .inMemory().setting("login-rate-limit", "0");

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final String PASSWORD = "correct horse battery";
    static Path files;

    @BeforeAll
    static void accountAndFiles() throws Exception {
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", PASSWORD.toCharArray(), Set.of(Role.EDITOR), null);
        files = Files.createTempDirectory("assets-browser");
        Files.write(files.resolve("Dossier de presse 2026.pdf"), AssetRequests.pdf("dossier"));
        Files.write(files.resolve("usine-santes.png"), AssetStoreTest.picture(1200, 800));
        Files.write(files.resolve("piege.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEditorUploadsDescribesAndPublishesAFolderOfFiles() throws Exception {
        BROWSER.logIn(PLATFORM, "editrice@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/assets/"));
        assertThat(BROWSER.title()).startsWith("Médiathèque");
        BROWSER.assertAccessible();
        BROWSER.find("#folder-name").sendKeys("presse");
        BROWSER.clickAndWait("form.new-folder button[type=submit]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Dossier créé.");
        BROWSER.clickAndWait(BROWSER.driver().findElement(By.xpath("//a[contains(@class,'card-link')][normalize-space()='presse']")));
        assertThat(BROWSER.find(".crumbs [aria-current=page]").getText()).isEqualTo("presse");

        // several files at once through the file input: one request each, a progress bar each
        BROWSER.find("#file").sendKeys(String.join("\n", files.resolve("Dossier de presse 2026.pdf").toString(),
                files.resolve("usine-santes.png").toString(), files.resolve("piege.svg").toString()));
        BROWSER.find("form.upload-form button[type=submit]").click();
        WebElement summary = waitForText(".upload-summary", "Terminé");
        assertThat(summary.getText()).isEqualTo("Terminé : 2 fichier(s) ajouté(s), 1 refusé(s).");
        assertThat(BROWSER.driver().findElements(By.cssSelector(".upload-list li.uploaded progress")))
                .hasSize(2).allSatisfy(bar -> assertThat(bar.getAttribute("value")).isEqualTo("100"));
        assertThat(BROWSER.find(".upload-list li.refused").getText()).contains("piege.svg").contains("SVG refusé");
        BROWSER.screenshot("assets-upload-progress");
        BROWSER.assertAccessible();

        // files dropped on the zone (a DataTransfer built in the page, as the browser gives a real drop)
        BROWSER.driver().executeScript("""
                var zone = document.querySelector('.drop-zone');
                var data = new DataTransfer();
                data.items.add(new File(['%PDF-1.4\\n%communique\\n'], 'Communiqué du 11 février.pdf', {type: 'application/pdf'}));
                data.items.add(new File(['%PDF-1.4\\n%kit\\n'], 'Kit enseignants.pdf', {type: 'application/pdf'}));
                zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
                zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                """);
        assertThat(waitForText(".upload-summary", "Terminé").getText()).isEqualTo("Terminé : 2 fichier(s) ajouté(s), 0 refusé(s).");
        BROWSER.clickAndWait(".upload-reload");
        assertThat(BROWSER.driver().findElements(By.cssSelector(".asset-card .card-title")).stream().map(WebElement::getText))
                .containsExactly("Dossier de presse 2026", "usine-santes", "Communiqué du 11 février", "Kit enseignants");
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(20)).until(driver -> Boolean.TRUE.equals(
                BROWSER.driver().executeScript("var i = document.querySelector('.asset-card img');"
                        + " return i.complete && i.naturalWidth === 320;"))); // the 320-pixel rendition of the draft
        BROWSER.screenshot("assets-grid");
        BROWSER.assertAccessible();

        // describe the image
        BROWSER.clickAndWait(BROWSER.driver().findElement(By.xpath("//a[contains(@class,'card-link')][normalize-space()='usine-santes']")));
        assertThat(BROWSER.find(".asset-facts").getText()).contains("1200 × 800 px");
        BROWSER.assertAccessible();
        BROWSER.find("#f-title").clear();
        BROWSER.find("#f-title").sendKeys("L'usine de Santes");
        BROWSER.find("#f-alternative").sendKeys("La façade de l'usine Colas de Santes");
        BROWSER.find("#f-copyright").sendKeys("© Colas");
        new org.openqa.selenium.support.ui.Select(BROWSER.find("#f-language")).selectByValue("fr");
        BROWSER.clickAndWait(".asset-metadata button[type=submit]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Enregistré.");
        assertThat(BROWSER.find("#f-alternative").getAttribute("value")).isEqualTo("La façade de l'usine Colas de Santes");
        BROWSER.screenshot("asset-screen");
        BROWSER.driver().executeScript("document.querySelector('.usages').scrollIntoView()");
        BROWSER.screenshot("asset-screen-usages-replace-publishing");
        BROWSER.assertAccessible();

        // search, then publish the whole folder from its listing
        BROWSER.clickAndWait(BROWSER.driver().findElement(By.linkText("presse")));
        BROWSER.find("#asset-q").sendKeys("facade santes");
        BROWSER.find("#asset-q").clear();
        BROWSER.find("#asset-q").sendKeys("santes");
        BROWSER.clickAndWait(".asset-search button[type=submit]");
        assertThat(BROWSER.find("[role=status]").getText()).isEqualTo("1 fichier(s) trouvé(s)");
        BROWSER.assertAccessible();
        BROWSER.clickAndWait(BROWSER.driver().findElement(By.linkText("Effacer la recherche")));
        BROWSER.clickAndWait(".folder-publishing button[value=publish-all]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Dossier publié avec tout son contenu.");
        assertThat(BROWSER.driver().findElements(By.cssSelector(".asset-card .badge")).stream().map(WebElement::getText))
                .containsOnly("Publié");
        BROWSER.screenshot("assets-folder-published");
        assertThat(PLATFORM.platform().publishing().status("dam", "/presse/usine-santes")).isEqualTo(PublicationStatus.PUBLISHED);
    }

    private static WebElement waitForText(String css, String text) {
        return new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(20)).until(driver -> {
            WebElement element = driver.findElement(By.cssSelector(css));
            return element.getText().contains(text) ? element : null;
        });
    }
}
