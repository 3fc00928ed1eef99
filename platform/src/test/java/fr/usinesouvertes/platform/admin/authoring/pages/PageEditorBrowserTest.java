package fr.usinesouvertes.platform.admin.authoring.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PageEditorFrame;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In real Chromium: an editor opens a page in the page editor, sees a bar on its area and on each component, moves a
 * component, adds one (only the area's available components) and fills its dialog, edits another, deletes one, and
 * sees each result in the page at once; the editor works at phone width too.
 */
class PageEditorBrowserTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final PageEditorFrame EDITOR = new PageEditorFrame(BROWSER);
    static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void site() {
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        PLATFORM.platform().repository().write(session -> {
            var page = session.getNode("/website").addNode("site", "mgnl:page");
            page.setProperty("mgnl:template", "authoring-test:pages/standard");
            page.setProperty("title", "Accueil");
            var main = page.addNode("main", "mgnl:area");
            for (String[] text : new String[][] {{"a", "Premier"}, {"b", "Deuxième"}}) {
                var component = main.addNode(text[0], "mgnl:component");
                component.setProperty("mgnl:template", "authoring-test:components/text");
                component.setProperty("title", text[1]);
            }
            return null;
        });
    }

    @Test
    void anEditorMovesAddsEditsAndDeletesComponentsFromThePage() throws Exception {
        BROWSER.logIn(PLATFORM, "editrice@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/pages/page?path=%2Fsite"));
        BROWSER.clickAndWait("a[href^='/admin/pages/editor?path=%2Fsite']");

        assertThat(headings()).containsExactly("Premier", "Deuxième");
        inFrame(() -> {
            assertThat(BROWSER.driver().findElements(By.cssSelector(".uo-edit-component"))).hasSize(2);
            assertThat(BROWSER.find(".uo-edit-area").getText()).contains("Zone : Contenu");
            assertThat(BROWSER.driver().findElements(By.cssSelector(".uo-edit-area select option")))
                    .extracting(WebElement::getText).containsExactly("Texte");
        });
        BROWSER.assertAccessible();
        BROWSER.screenshot("page-editor");

        clickInFrame(".uo-edit-component button[aria-label='Descendre — Texte']"); // the first moves down
        assertThat(headings()).containsExactly("Deuxième", "Premier");

        clickInFrame(".uo-edit-area button[aria-label^='Ajouter le composant']");
        // a component with a dialog: its dialog opens, and saving it comes back to the editor
        BROWSER.find("#f-title").sendKeys("Troisième, ajouté depuis la page");
        BROWSER.clickAndWait("form.generated-form button[type=submit]");
        assertThat(BROWSER.driver().getCurrentUrl()).contains("/admin/pages/editor?path=%2Fsite");
        assertThat(headings()).containsExactly("Deuxième", "Premier", "Troisième, ajouté depuis la page");

        clickInFrame(".uo-edit-component button[aria-label='Modifier — Texte']"); // the first one shown: Deuxième
        WebElement title = BROWSER.find("#f-title");
        title.clear();
        title.sendKeys("Deuxième, modifié");
        BROWSER.clickAndWait("form.generated-form button[type=submit]");
        assertThat(headings()).containsExactly("Deuxième, modifié", "Premier", "Troisième, ajouté depuis la page");

        inFrame(() -> {
            BROWSER.driver().findElements(By.cssSelector(".uo-edit-component")).get(1)
                    .findElement(By.cssSelector("button[aria-label='Supprimer — Texte']")).click();
            BROWSER.driver().switchTo().alert().accept(); // "Supprimer ce composant ?"
        });
        awaitEditor();
        assertThat(headings()).containsExactly("Deuxième, modifié", "Troisième, ajouté depuis la page");

        BROWSER.find(".page-editor-widths button[data-width='390']").click();
        assertThat(BROWSER.find("#page-editor-frame").getSize().getWidth()).isBetween(385, 395);
        BROWSER.screenshot("page-editor-phone");

        assertThat(PLATFORM.get("/?editBars=1").body()).as("the public site never shows the editor's comments")
                .doesNotContain("cms:area").doesNotContain("cms:component");
    }

    /** The component headings the page in the editor's frame shows, once the frame has its bars. */
    private static List<String> headings() {
        return EDITOR.texts("section h2");
    }

    private static void clickInFrame(String css) {
        EDITOR.click(css);
    }

    private static void awaitEditor() {
        EDITOR.awaitNextPage();
    }

    private static void inFrame(Runnable work) {
        EDITOR.inFrame(work);
    }
}
