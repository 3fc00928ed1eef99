package fr.usinesouvertes.platform.admin.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.jcr.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium: an editor writes a press release in the rich-text editor (TinyMCE, French interface): a
 * heading, a paragraph with a link to a page chosen in the link picker, an image chosen in the media-library
 * picker with its alternative text filled from the asset's metadata, and a table with a header row; saves it
 * (nothing is removed by the server), publishes it, and the public page shows the image, the link and the table.
 */
class RichTextBrowserTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final String PASSWORD = "correct horse battery";
    static final String ALT = "Deux techniciennes devant une presse à enrobés";

    @BeforeAll
    static void site() throws IOException {
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        // the administrators let editors publish press releases without review (ReviewBrowserTest has the review)
        PLATFORM.platform().reviews().setDirectPublishing("setup", Set.of("news"));
        byte[] photo = photo();
        PLATFORM.platform().repository().write(session -> {
            Node page = session.getNode("/website").addNode("site", "mgnl:page");
            page.setProperty("mgnl:template", "authoring-test:pages/news-room");
            page.setProperty("title", "Salle de presse");
            Node factories = page.addNode("usines", "mgnl:page");
            factories.setProperty("mgnl:template", "authoring-test:pages/standard");
            factories.setProperty("title", "Les usines");
            Node asset = session.getNode("/dam").addNode("atelier", "mgnl:asset");
            asset.setProperty("title", "Atelier de Santes");
            asset.setProperty("alternative", ALT);
            Node resource = asset.addNode("jcr:content", "mgnl:resource");
            resource.setProperty("jcr:data", session.getValueFactory().createBinary(new ByteArrayInputStream(photo)));
            resource.setProperty("jcr:mimeType", "image/png");
            resource.setProperty("fileName", "atelier.png");
            return null;
        });
        PLATFORM.platform().publishing().publish("setup", "website", "/site", true);
        PLATFORM.platform().publishing().publish("setup", "dam", "/atelier", false);
    }

    @Test
    void anEditorWritesAReleaseWithAnImageALinkAndATableAndThePublicPageShowsThem() throws Exception {
        BROWSER.logIn(PLATFORM, "editrice@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/content/news/new"));
        WebElement editor = waitVisible("#f-body + .tox-tinymce");
        BROWSER.screenshot("rich-text-new-release");
        BROWSER.assertAccessible();

        BROWSER.find("#f-_name").sendKeys("programme-2026");
        BROWSER.find("#f-title").sendKeys("Le programme 2026");
        BROWSER.driver().executeScript("arguments[0].value = arguments[1];", BROWSER.find("#f-date"), "2026-02-11T09:00");

        // a heading, then a paragraph
        inEditor(body -> {
            body.click();
            body.sendKeys("Le programme");
        });
        chooseBlock(editor, "Titre 2");
        inEditor(body -> body.sendKeys(Keys.END, Keys.ENTER, "Toutes les usines ouvertes sont sur "));

        // a link to a page, chosen in the picker
        editor.findElement(By.cssSelector("button[aria-label='Insérer ou modifier un lien']")).click();
        WebElement dialog = waitVisible(".tox-dialog");
        dialog.findElement(By.xpath(".//label[normalize-space()='Page ou fichier']/following::button[1]")).click();
        clickMenuItem("Pages du site");
        clickMenuItem("Les usines (/usines)");
        WebElement text = dialog.findElement(By.xpath(".//label[normalize-space()='Texte affiché']/following::input[1]"));
        text.clear();
        text.sendKeys("la page des usines");
        BROWSER.screenshot("rich-text-link-picker");
        dialog.findElement(By.xpath(".//button[normalize-space()='Enregistrer']")).click();
        waitGone(".tox-dialog");
        inEditor(body -> body.sendKeys(Keys.END, " Voir aussi "));

        // a link found by searching: the link dialog's browse button, words typed, a result clicked
        editor.findElement(By.cssSelector("button[aria-label='Insérer ou modifier un lien']")).click();
        dialog = waitVisible(".tox-dialog");
        dialog.findElement(By.cssSelector(".tox-browse-url")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".tox-dialog")).size() == 2);
        WebElement search = BROWSER.driver().findElements(By.cssSelector(".tox-dialog")).get(1);
        search.findElement(By.xpath(".//label[starts-with(normalize-space(), 'Rechercher')]/following::input[1]")).sendKeys("USINES");
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5)).until(d -> search.findElements(
                By.cssSelector(".tox-collection__item")).size() == 1);
        BROWSER.screenshot("rich-text-link-search");
        search.findElement(By.cssSelector(".tox-collection__item")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".tox-dialog")).size() == 1);
        dialog.findElement(By.xpath(".//button[normalize-space()='Enregistrer']")).click();
        waitGone(".tox-dialog");
        assertThat((String) BROWSER.driver().executeScript("return tinymce.get('f-body').getContent();"))
                .contains("Voir aussi <a href=\"/usines\">Les usines</a>");
        inEditor(body -> body.sendKeys(Keys.END, ".", Keys.ENTER));

        // an image of the media library, its alternative text filled from the asset
        editor.findElement(By.cssSelector("button[aria-label='Image de la médiathèque']")).click();
        dialog = waitVisible(".tox-dialog");
        WebElement alt = dialog.findElement(By.xpath(".//label[starts-with(normalize-space(), 'Texte alternatif')]/following::input[1]"));
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5)).until(d -> ALT.equals(alt.getAttribute("value")));
        assertThat(dialog.findElement(By.cssSelector(".tox-listbox")).getText()).contains("Atelier de Santes");
        BROWSER.screenshot("rich-text-image-picker");
        dialog.findElement(By.xpath(".//button[normalize-space()='Enregistrer']")).click();
        waitGone(".tox-dialog");
        inEditor(body -> new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(10)).until(d -> (Boolean)
                BROWSER.driver().executeScript("var i = document.querySelector('img'); return !!i && i.complete && i.naturalWidth > 0;")));

        // a table of two columns and two rows, the first one a header
        inEditor(body -> body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER));
        editor.findElement(By.cssSelector("button[aria-label='Tableau']")).click();
        WebElement insertTable = waitVisible(".tox-menu .tox-collection__item");
        assertThat(insertTable.getText()).isEqualTo("Tableau");
        insertTable.click();
        waitVisible(".tox-insert-table-picker");
        List<WebElement> cells = BROWSER.driver().findElements(By.cssSelector(".tox-insert-table-picker > div[role=button]"));
        cells.get(11).click(); // second row, second column of the grid: 2 × 2
        inEditor(body -> new Actions(BROWSER.driver()).sendKeys("Jour", Keys.TAB, "Usines", Keys.TAB, "Vendredi",
                Keys.TAB, "400").perform());
        BROWSER.screenshot("rich-text-written");

        BROWSER.clickAndWait("form.generated-form button[type=submit]");
        assertThat(BROWSER.waitFor(".flash").getText()).isEqualTo("Enregistré."); // nothing removed by the sanitiser
        assertThat(BROWSER.driver().findElements(By.cssSelector(".field-notice"))).isEmpty();
        String stored = PLATFORM.platform().repository().read(session ->
                session.getNode("/news/programme-2026").getProperty("body").getString());
        assertThat(stored).contains("<h2>Le programme</h2>").contains("<a href=\"/usines\" data-page-id=\"")
                .contains("\">la page des usines</a>")
                .contains("alt=\"" + ALT + "\"").contains("src=\"/dam/jcr:").contains("<thead>")
                .contains("<th scope=\"col\">Jour</th>");
        BROWSER.screenshot("rich-text-saved");

        BROWSER.clickAndWait(".publishing button[value=publish]");
        assertThat(BROWSER.waitFor(".flash").getText()).isEqualTo("Publié.");

        BROWSER.open(PLATFORM.uri("/programme-2026"));
        WebElement article = BROWSER.find("article");
        assertThat(article.findElement(By.tagName("h2")).getText()).isEqualTo("Le programme");
        WebElement image = article.findElement(By.tagName("img"));
        assertThat(image.getAttribute("alt")).isEqualTo(ALT);
        assertThat(image.getAttribute("src")).contains("/dam/jcr:").endsWith("/atelier.png");
        assertThat((Long) BROWSER.driver().executeScript("return arguments[0].naturalWidth;", image)).isEqualTo(320L);
        WebElement link = article.findElement(By.linkText("la page des usines"));
        assertThat(link.getAttribute("href")).isEqualTo(PLATFORM.uri("/usines").toString());
        assertThat(article.findElements(By.cssSelector("table thead th[scope=col]")).stream().map(WebElement::getText))
                .containsExactly("Jour", "Usines");
        assertThat(article.findElements(By.cssSelector("table tbody td")).stream().map(WebElement::getText))
                .containsExactly("Vendredi", "400");
        BROWSER.screenshot("rich-text-public-page");
        link.click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(PLATFORM.uri("/usines").toString()));
    }

    @Test
    void textPastedFromWordKeepsItsStructureAndLosesItsStyles() throws Exception {
        BROWSER.logIn(PLATFORM, "editrice@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/content/news/new"));
        waitVisible("#f-body + .tox-tinymce");
        // what Word puts on the clipboard
        String word = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><!--StartFragment-->"
                + "<h1 style=\"mso-outline-level:1\"><span lang=\"FR\" style=\"font-family:Calibri\">Bilan 2025</span></h1>"
                + "<p class=\"MsoNormal\" style=\"margin-bottom:0cm\"><b><span style=\"color:#C00000\">400 usines</span></b>"
                + "<span style=\"mso-spacerun:yes\"> </span>ont ouvert.<o:p></o:p></p>"
                + "<p class=\"MsoListParagraphCxSpFirst\" style=\"mso-list:l0 level1 lfo1\"><span style=\"mso-list:Ignore\">·"
                + "<span style=\"font:7.0pt\">&nbsp;&nbsp;</span></span>Visites<o:p></o:p></p>\n"
                + "<p class=\"MsoListParagraphCxSpMiddle\" style=\"mso-list:l0 level2 lfo1\"><![if !supportLists]>"
                + "<span style=\"mso-list:Ignore\">o<span style=\"font:7.0pt\">&nbsp;</span></span><![endif]>"
                + "Collèges<o:p></o:p></p>"
                + "<p class=\"MsoListParagraphCxSpLast\" style=\"mso-list:l0 level1 lfo1\"><span style=\"mso-list:Ignore\">·"
                + "<span>&nbsp;</span></span>Conférences<o:p></o:p></p>"
                + "<p class=\"MsoNormal\">Étapes :</p>"
                + "<p class=\"MsoListParagraph\" style=\"mso-list:l1 level1 lfo2\"><span style=\"mso-list:Ignore\">1.<span>"
                + "&nbsp;</span></span>Inscription<o:p></o:p></p>"
                + "<p class=\"MsoListParagraph\" style=\"mso-list:l1 level1 lfo2\"><span style=\"mso-list:Ignore\">2.<span>"
                + "&nbsp;</span></span>Visite<o:p></o:p></p>"
                + "<table class=\"MsoTableGrid\" border=\"1\" style=\"border-collapse:collapse\"><tr><td width=\"200\" "
                + "style=\"border:solid windowtext 1.0pt\"><p class=\"MsoNormal\">Vendredi<o:p></o:p></p></td></tr></table>"
                + "<img src=\"file:///C:/Users/x/AppData/Local/Temp/image001.png\"><!--EndFragment--></body></html>";
        // a paste event carrying Word's clipboard, as the browser fires it
        BROWSER.driver().executeScript("var editor = tinymce.get('f-body'); editor.focus();"
                + "var data = new DataTransfer(); data.setData('text/html', arguments[0]);"
                + "data.setData('text/plain', 'Bilan 2025');"
                + "editor.getBody().dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true,"
                + " cancelable: true }));", word);
        String html = (String) BROWSER.driver().executeScript("return tinymce.get('f-body').getContent();");

        // Word's bulleted and numbered paragraphs are lists again, nested by level, without their markers
        assertThat(html.replace("\n", "")).contains("<ul><li>Visites<ul><li>Coll&egrave;ges</li></ul></li><li>Conf&eacute;rences</li></ul>")
                .contains("<ol><li>Inscription</li><li>Visite</li></ol>").doesNotContain("·");
        assertThat(html).contains("400 usines").contains("ont ouvert").contains("Visites").contains("Vendredi")
                .contains("<strong>400 usines</strong>").contains("<table>")
                .doesNotContain("style=").doesNotContain("class=").doesNotContain("<span").doesNotContain("<o:p")
                .doesNotContain("file:").doesNotContain("<img").doesNotContain("<h1").doesNotContain("lang=")
                .doesNotContain("<!--");
        BROWSER.screenshot("rich-text-pasted-from-word");

        BROWSER.find("#f-_name").sendKeys("bilan-2025");
        BROWSER.find("#f-title").sendKeys("Bilan 2025");
        BROWSER.driver().executeScript("arguments[0].value = arguments[1];", BROWSER.find("#f-date"), "2026-02-11T09:00");
        BROWSER.clickAndWait("form.generated-form button[type=submit]");
        assertThat(BROWSER.waitFor(".flash").getText()).isEqualTo("Enregistré."); // nothing left for the server to remove
    }

    @Test
    void withoutTheEditorTheTextareaTakesHtmlAndWhatCleaningRemovesIsShownNextToTheField() throws Exception {
        BROWSER.logIn(PLATFORM, "editrice@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/content/news/new"));
        waitVisible("#f-body + .tox-tinymce");
        BROWSER.driver().executeScript("tinymce.get('f-body').remove();"); // as without JavaScript: the bare textarea
        BROWSER.find("#f-_name").sendKeys("brut");
        BROWSER.find("#f-title").sendKeys("Texte brut");
        BROWSER.driver().executeScript("arguments[0].value = arguments[1];", BROWSER.find("#f-date"), "2026-02-11T09:00");
        BROWSER.find("textarea#f-body").sendKeys("<p style=\"color:red\">Bonjour <span>les usines</span></p>"
                + "<p><img src=\"https://tracker.example/pixel.gif\" alt=\"\"></p>");
        BROWSER.clickAndWait("form.generated-form button[type=submit]");

        assertThat(BROWSER.waitFor(".flash").getText()).isEqualTo("Enregistré. Voir les remarques sous les champs.");
        WebElement notice = BROWSER.find("#f-body-notice");
        assertThat(notice.getText()).contains("style (<p>)").contains("<span>")
                .contains("<img src=\"https://tracker.example/pixel.gif\">");
        String stored = PLATFORM.platform().repository().read(session ->
                session.getNode("/news/brut").getProperty("body").getString());
        assertThat(stored).isEqualTo("<p>Bonjour les usines</p><p></p>");
        new Actions(BROWSER.driver()).scrollToElement(notice).perform();
        BROWSER.screenshot("rich-text-notice");
        BROWSER.assertAccessible();
    }

    /** Runs {@code work} inside the editor's frame, on its body. */
    private static void inEditor(java.util.function.Consumer<WebElement> work) {
        BROWSER.driver().switchTo().frame(BROWSER.find("#f-body_ifr"));
        try {
            WebElement body = BROWSER.driver().findElement(By.id("tinymce"));
            work.accept(body);
        } finally {
            BROWSER.driver().switchTo().defaultContent();
        }
    }

    private static void chooseBlock(WebElement editor, String block) {
        WebElement blocks = editor.findElement(By.cssSelector("button.tox-tbtn--select"));
        assertThat(blocks.getAttribute("aria-label")).startsWith("Type de paragraphe");
        blocks.click();
        clickMenuItem(block);
    }

    private static void clickMenuItem(String text) {
        WebElement item = new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'tox-menu')]//div[@role='menuitem' or @role='menuitemcheckbox']"
                        + "[.//*[contains(normalize-space(), '" + text + "')]]")));
        item.click();
    }

    private static WebElement waitVisible(String css) {
        return new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void waitGone(String css) {
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** A 320 × 200 PNG, a gradient: what an editor uploads as a photo. */
    static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xB2, 0x3C, 0x00), 320, 200, new Color(0x0B, 0x4F, 0x9C)));
        g.fillRect(0, 0, 320, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
