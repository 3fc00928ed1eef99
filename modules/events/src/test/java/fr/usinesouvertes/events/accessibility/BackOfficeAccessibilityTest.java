package fr.usinesouvertes.events.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.SeedSitePlatform;
import fr.usinesouvertes.events.company.CancellationFixtures;
import fr.usinesouvertes.events.company.CompanyAccessTestSupport;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Axe;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * axe-core (WCAG 2.1 A/AA and best practices) reports no violation on any screen of the back office an administrator
 * reaches by following links from the dashboard, with the site's light module, the events module and the seed content:
 * a new screen is checked as soon as a link leads to it. Each screen is also checked for a page title and a main
 * heading (the first thing a screen reader announces). The same for a company's screens: its space and the gate's
 * check-in.
 */
class BackOfficeAccessibilityTest {

    /** Enough for every screen kind; lists with one link per item would otherwise make the crawl endless. */
    private static final int MAX_SCREENS = 120;
    private static final int MAX_PER_ROUTE = 3;

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = SeedSitePlatform.duringSignUp();

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void administrator() {
        PLATFORM.platform().accounts().create("organisation@example.fr", "Claire", PASSWORD.toCharArray(),
                Set.of(Role.ADMIN), null);
    }

    @Test
    void everyScreenReachedFromTheDashboardHasNoViolation() {
        BROWSER.open(PLATFORM.uri("/admin/login"));
        assertThat(Axe.violations(BROWSER.driver())).as("the login screen").isEmpty();
        BROWSER.submitLogin("organisation@example.fr", PASSWORD);
        crawl(20);
        for (String screen : List.of("/admin/ecoles/", "/admin/transport-scolaire/")) { // the schools outreach's screens
            BROWSER.open(PLATFORM.uri(screen));
            assertThat(BROWSER.driver().getTitle()).as(screen).doesNotContain("404");
            assertThat(Axe.violations(BROWSER.driver())).as(screen).isEmpty();
        }
    }

    /** The company space and the gate's check-in, as a company with a published sheet and registrations sees them. */
    @Test
    void everyScreenOfTheCompanySpaceHasNoViolation() {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha",
                "alpha@fonderie.example.fr", "Fonderie Alpha de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "alpha.example.fr");
        BROWSER.driver().manage().deleteAllCookies(); // a session of its own
        BROWSER.open(PLATFORM.uri("/admin/login"));
        BROWSER.submitLogin("alpha@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        Set<String> seen = crawl(8);
        assertThat(seen).anyMatch(screen -> screen.startsWith("/admin/entreprise/"))
                .anyMatch(screen -> screen.startsWith("/admin/pointage/"));
    }

    /** Follows the back office's links from the dashboard; returns the screens seen, failing on any violation. */
    private static Set<String> crawl(int atLeast) {
        Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();
        Map<String, Integer> perRoute = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/admin/"));
        while (!queue.isEmpty() && seen.size() < MAX_SCREENS) {
            String target = queue.poll();
            if (!seen.add(target)) {
                continue;
            }
            BROWSER.open(PLATFORM.uri(target));
            Object type = BROWSER.driver().executeScript("return document.contentType");
            if (!"text/html".equals(type)) {
                continue; // a download (CSV export, file)
            }
            assertThat(BROWSER.title()).as("title of " + target).isNotBlank();
            assertThat(BROWSER.driver().findElements(By.cssSelector("h1"))).as("h1 of " + target).isNotEmpty();
            List<Axe.Violation> violations = Axe.violations(BROWSER.driver());
            if (!violations.isEmpty()) {
                found.put(target, violations);
            }
            for (WebElement link : BROWSER.driver().findElements(By.cssSelector("a[href]"))) {
                String next = local(link.getAttribute("href"));
                if (next != null && !seen.contains(next)) {
                    String route = next.replaceAll("\\?.*", "");
                    if (perRoute.merge(route, 1, Integer::sum) <= MAX_PER_ROUTE) {
                        queue.add(next);
                    }
                }
            }
        }

        assertThat(seen.size()).as("screens visited").isGreaterThan(atLeast);
        assertThat(found).as("axe violations by screen:\n" + found.entrySet().stream()
                .map(e -> e.getKey() + "\n" + e.getValue().stream().map(Object::toString).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"))).isEmpty();
        return seen;
    }

    /** A back-office screen to visit, as a path with its query; null for anything else (the site, files, actions). */
    private static String local(String href) {
        URI uri = URI.create(href);
        String path = uri.getPath();
        if (!PLATFORM.uri("/").getAuthority().equals(uri.getAuthority()) || path == null || !path.startsWith("/admin/")
                || path.startsWith("/admin/static/") || path.equals("/admin/logout") || path.endsWith("/preview")
                || path.contains("/download") || path.endsWith(".csv") || path.endsWith(".ics")) {
            return null;
        }
        String query = uri.getRawQuery();
        return query == null ? path : path + "?" + query;
    }
}
