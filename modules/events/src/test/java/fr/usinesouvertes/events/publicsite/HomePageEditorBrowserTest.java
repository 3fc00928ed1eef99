package fr.usinesouvertes.events.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PageEditorFrame;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * In real Chromium, on the site's own home page: the communication team opens it in the page editor, moves a
 * component, adds a text from the area's available components and fills its dialog, and sees each change in the
 * page at once; the public home page changes only once the page is published.
 */
class HomePageEditorBrowserTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().setting("clock", "2026-02-10T10:00:00+01:00").setting("login-rate-limit", "0")
            .modules(new EventsModule());

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final PageEditorFrame EDITOR = new PageEditorFrame(BROWSER);
    static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void editor() {
        PLATFORM.platform().accounts().create("communication@example.fr", "Camille", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
    }

    @Test
    void theHomePageIsEditedFromItsPreview() throws Exception {
        BROWSER.logIn(PLATFORM, "communication@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/pages/editor?path=%2Fjournees-usines-ouvertes"));

        List<String> components = EDITOR.texts(".uo-edit-component .uo-edit-name");
        assertThat(components).startsWith("Bandeau d'accroche", "Chiffres clés");
        assertThat(EDITOR.texts(".uo-edit-area select option")).contains("Texte", "Chiffres clés", "Dates clés")
                .doesNotContain("Page standard");
        BROWSER.assertAccessible();
        BROWSER.screenshot("home-page-editor");

        // "Chiffres clés" up, above the banner
        EDITOR.inFrame(() -> BROWSER.driver().findElements(By.cssSelector(".uo-edit-component")).get(1)
                .findElement(By.cssSelector("button[aria-label='Monter — Chiffres clés']")).click());
        EDITOR.awaitNextPage();
        assertThat(EDITOR.texts(".uo-edit-component .uo-edit-name")).startsWith("Chiffres clés", "Bandeau d'accroche");

        // a text added at the end of the area, its dialog filled
        EDITOR.inFrame(() -> new org.openqa.selenium.support.ui.Select(BROWSER.find(".uo-edit-area select"))
                .selectByVisibleText("Texte"));
        EDITOR.click(".uo-edit-area button[aria-label^='Ajouter le composant']");
        BROWSER.find("#f-title").sendKeys("Portes ouvertes : inscrivez votre classe");
        BROWSER.clickAndWait("form.generated-form button[type=submit]");
        assertThat(EDITOR.texts(".uo-edit-component .uo-edit-name")).hasSize(components.size() + 1).endsWith("Texte");
        assertThat(EDITOR.texts("h2")).contains("Portes ouvertes : inscrivez votre classe");

        assertThat(Jsoup.parse(PLATFORM.get("/").body()).text()).as("the public page waits for publishing")
                .doesNotContain("Portes ouvertes : inscrivez votre classe");
    }
}
