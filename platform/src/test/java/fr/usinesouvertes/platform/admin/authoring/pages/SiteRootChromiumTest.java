package fr.usinesouvertes.platform.admin.authoring.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * In real Chromium: the site root's screen has no delete, rename or move and says why, a sub-page's has them; the
 * badge follows publish and save. Screenshots go to {@code target/site-root-*.png}.
 */
class SiteRootChromiumTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    @BeforeAll
    static void site() {
        // an editor who also publishes: review before publishing aside
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", "correct horse battery".toCharArray(),
                Set.of(Role.EDITOR, Role.PUBLISHER), null);
        PLATFORM.platform().repository().write(session -> {
            var home = session.getNode("/website").addNode("accueil", "mgnl:page");
            home.setProperty("mgnl:template", "authoring-test:pages/standard");
            home.setProperty("title", "Accueil");
            var sub = home.addNode("presse", "mgnl:page");
            sub.setProperty("mgnl:template", "authoring-test:pages/standard");
            sub.setProperty("title", "Presse");
            return null;
        });
        PLATFORM.publish("website", "/accueil");
    }

    @Test
    void theSiteRootOffersNoDeleteRenameOrMoveAndBadgesFollowTheActions() throws IOException {
        BROWSER.open(PLATFORM.uri("/admin/pages/page?path=%2Faccueil"));
        BROWSER.submitLogin("editrice@example.fr", "correct horse battery");

        assertThat(BROWSER.title()).startsWith("Accueil");
        assertThat(BROWSER.find("#site-root-note").getText()).startsWith("Page racine du site");
        assertThat(BROWSER.driver().findElements(By.cssSelector("a[href^='/admin/pages/delete'], "
                + "form[action^='/admin/pages/rename'], form[action^='/admin/pages/move']"))).isEmpty();
        assertThat(BROWSER.find(".badge").getText()).isEqualTo("Publié");
        BROWSER.screenshot("site-root-root");
        BROWSER.assertAccessible();

        BROWSER.open(PLATFORM.uri("/admin/pages/page?path=%2Faccueil%2Fpresse"));
        assertThat(BROWSER.driver().findElements(By.cssSelector("#site-root-note"))).isEmpty();
        assertThat(BROWSER.driver().findElements(By.cssSelector("a[href^='/admin/pages/delete']"))).hasSize(1);
        assertThat(BROWSER.find(".badge").getText()).isEqualTo("Publié");
        BROWSER.clickAndWait("button[name=action][value=unpublish]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Dépublié.");
        assertThat(BROWSER.find(".badge").getText()).isEqualTo("Non publié");
        BROWSER.clickAndWait("button[name=action][value=publish]");
        assertThat(BROWSER.find(".badge").getText()).isEqualTo("Publié");
        BROWSER.open(PLATFORM.uri("/admin/pages/properties?path=%2Faccueil%2Fpresse"));
        BROWSER.find("#f-title").clear();
        BROWSER.find("#f-title").sendKeys("Salle de presse");
        BROWSER.clickAndWait("main form button[type=submit]");
        assertThat(BROWSER.find(".badge").getText()).isEqualTo("Modifié");
        BROWSER.screenshot("site-root-sub-page");
        BROWSER.assertAccessible();
    }
}
