package fr.usinesouvertes.platform.admin.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * In real Chromium: a generated form's list of the site's pages, longer than a screen, gets a search box; words typed
 * (accents and case ignored) narrow the list, the chosen page stays, and the choice is saved as usual.
 */
class PickerSearchBrowserTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final String PASSWORD = "correct horse battery";
    static final List<String> TOWNS = List.of("Amiens", "Béthune", "Calais", "Douai", "Évreux", "Fécamp", "Grenoble",
            "Hazebrouck", "Issoire", "Jarnac", "Lens", "Metz", "Nevers", "Orléans", "Épinal");

    @BeforeAll
    static void site() {
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        PLATFORM.platform().repository().write(session -> {
            var root = session.getNode("/website").addNode("site", "mgnl:page");
            root.setProperty("mgnl:template", "authoring-test:pages/standard");
            root.setProperty("title", "Accueil");
            for (String town : TOWNS) {
                var page = root.addNode(java.text.Normalizer.normalize(town, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "").toLowerCase(), "mgnl:page");
                page.setProperty("mgnl:template", "authoring-test:pages/standard");
                page.setProperty("title", "Usine de " + town);
            }
            return null;
        });
    }

    @Test
    void aLongListOfPagesIsSearched() {
        BROWSER.open(PLATFORM.uri("/admin/login"));
        BROWSER.find("#login").sendKeys("editrice@example.fr");
        BROWSER.find("#password").sendKeys(PASSWORD);
        BROWSER.clickAndWait("button[type=submit]");
        BROWSER.open(PLATFORM.uri("/admin/content/news/new"));

        BROWSER.find("#f-page-search").sendKeys("EPINAL");
        assertThat(shown()).containsExactly("—", "Usine de Épinal (epinal)");
        assertThat(BROWSER.find("#f-page + .picker-count, .picker-count").getText()).isEqualTo("1 trouvé(s)");
        new Select(BROWSER.find("#f-page")).selectByValue(pageId("epinal"));

        BROWSER.find("#f-page-search").clear();
        BROWSER.find("#f-page-search").sendKeys("usine EVR");
        assertThat(shown()).as("the chosen page stays").containsExactly("—", "Usine de Évreux (evreux)",
                "Usine de Épinal (epinal)");
        BROWSER.assertAccessible();
    }

    private static String pageId(String name) {
        return PLATFORM.platform().repository().read(session -> session.getNode("/website/site/" + name).getIdentifier());
    }

    @SuppressWarnings("unchecked")
    private static List<String> shown() {
        return ((List<String>) BROWSER.driver().executeScript("return Array.prototype.filter.call("
                + "document.getElementById('f-page').options, function (o) { return !o.hidden; })"
                + ".map(function (o) { return o.textContent.trim().replace(/^(\\u00a0)+/, ''); });"))
                .stream().map(text -> text.equals("(aucun)") ? "—" : text).toList();
    }
}
