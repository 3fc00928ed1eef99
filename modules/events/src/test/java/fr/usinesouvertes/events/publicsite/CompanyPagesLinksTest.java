package fr.usinesouvertes.events.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.SeedSitePlatform;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Companies find the sign-up from the site: the home page's "Inscrire mon entreprise" leads to the Entreprises
 * page, which gives the key dates and links the company space's sign-up and login; the seed texts say visitors
 * register on the platform, not with each company.
 */
class CompanyPagesLinksTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = SeedSitePlatform.duringSignUp();

    @Test
    void theHomePageLeadsCompaniesToTheirPageAndItsSignUp() {
        Document home = Jsoup.parse(PLATFORM.get("/").body());
        assertThat(home.select("a:contains(Inscrire mon entreprise)").attr("href")).isEqualTo("/entreprises");
        assertThat(home.select("nav a[href=/entreprises]")).isNotEmpty();
        assertThat(home.select("footer a[href=/entreprises]").text()).isEqualTo("Entreprises : ouvrir votre usine");
        assertThat(home.select("a[href^=https://journees-usines-ouvertes.fr/]").eachText())
                .noneMatch(text -> text.contains("Inscri")); // no sign-up link to the organisers' old site

        HttpResponse<String> page = PLATFORM.get("/entreprises");
        assertThat(page.statusCode()).isEqualTo(200);
        Document companies = Jsoup.parse(page.body());
        assertThat(companies.select("h1").text()).contains("Entreprises");
        String signUp = companies.select("a:contains(Créer le compte de mon entreprise)").attr("href");
        assertThat(signUp).isEqualTo("/espace-entreprise/inscription");
        assertThat(PLATFORM.get(signUp).statusCode()).isEqualTo(200);
        assertThat(companies.select("a:contains(Se connecter)").attr("href")).isEqualTo("/admin/login");
        assertThat(companies.select(".key-dates .timeline-date").text()).contains("23 septembre 2025", "20 et 21 mars 2026");

        Document english = Jsoup.parse(PLATFORM.get("/en/entreprises").body());
        assertThat(english.select("a:contains(Create my company)").attr("href"))
                .isEqualTo("/en/espace-entreprise/inscription");
        assertThat(Jsoup.parse(PLATFORM.get("/en/").body()).select("a:contains(Sign up my company)").attr("href"))
                .isEqualTo("/en/entreprises");
    }

    @Test
    void theSignUpPagesUseTheSitesFrame() {
        for (String path : new String[] {"/espace-entreprise/inscription", "/en/espace-entreprise/inscription"}) {
            HttpResponse<String> response = PLATFORM.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("header.site-header nav.main-nav a")).as(path).isNotEmpty();
            assertThat(page.select("footer.site-footer")).as(path).hasSize(1);
            assertThat(page.select("a.skip-link").attr("href")).isEqualTo("#contenu");
            // the site header's language switch leads to the same page in the other language
            assertThat(page.select("nav.lang-switch a[hreflang=en]").attr("href")).isEqualTo("/en/espace-entreprise/inscription");
            assertThat(page.select("main#contenu form input[name=companyName]")).as(path).hasSize(1);
            assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(Jsoup.parse(PLATFORM.get("/en/espace-entreprise/inscription").body()).selectFirst("html").attr("lang"))
                .isEqualTo("en");
    }

    @Test
    void theSeedTextsSayVisitorsRegisterOnThePlatform() {
        for (String path : new String[] {"/", "/scolaires", "/en/", "/en/scolaires"}) {
            String text = Jsoup.parse(PLATFORM.get(path).body()).text();
            assertThat(text).as(path).doesNotContain("directement auprès", "directly with");
        }
        assertThat(Jsoup.parse(PLATFORM.get("/").body()).text()).contains("Les visiteurs s'inscrivent sur ce site");
    }
}
