package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.ModulePages;
import fr.usinesouvertes.platform.module.RenderedPage;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.testing.LogCapture;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A module's own servlet renders a light-module script through {@link ModulePages}: with the site's home page as
 * content, the page variables (navigation, links) in the URL's language, the path below the language prefix,
 * the module's variables escaped, the script's status, and a plain 500 page when the script fails.
 */
class ModulePagesTest {

    private static final String SCRIPT = RenderingFixtures.MODULE + "pages/module-page.ftl";

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(RenderingFixtures.LIGHT_MODULES)
            .inMemory()
            .modules(new FormModule());

    /** Mounts one servlet per language, as a module serving forms does. */
    static final class FormModule implements PlatformModule {
        @Override
        public ModuleDescriptor descriptor() {
            return ModuleDescriptor.of("forms", "1.0");
        }

        @Override
        public void start(ModuleContext context) {
            context.web().servlet("/formulaire/*", new FormServlet(context.site().pages()));
            context.web().servlet("/en/formulaire/*", new FormServlet(context.site().pages()));
        }
    }

    /** Greets the {@code name} parameter; {@code /formulaire/clash} gives a variable named like a platform one. */
    static final class FormServlet extends HttpServlet {
        private final transient ModulePages pages;

        FormServlet(ModulePages pages) {
            this.pages = pages;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            RenderedPage page;
            try {
                page = "/clash".equals(request.getPathInfo())
                        ? pages.render(request, SCRIPT, Map.of("greeting", "x", "lang", "de"))
                        : pages.render(request, SCRIPT, Map.of("greeting", "Bonjour " + request.getParameter("name")));
            } catch (IllegalArgumentException e) {
                response.setStatus(400);
                response.getWriter().write(e.getMessage());
                return;
            }
            response.setStatus(page.status());
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Language", page.language());
            response.getWriter().write(page.html());
        }
    }

    @BeforeAll
    static void createSite() {
        PLATFORM.platform().repository().write(session -> {
            RenderingFixtures.page(session, "/home", "status", "title", "Accueil", "title_en", "Home");
            return RenderingFixtures.page(session, "/home/visites", "status", "title", "Visites", "title_en", "Visits");
        });
        PLATFORM.publishAll();
    }

    private static Document get(String path) {
        HttpResponse<String> response = PLATFORM.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void theScriptGetsTheSiteHomePageItsNavigationAndThePathInTheUrlsLanguage() {
        Document french = get("/formulaire/42/inscription?name=Lina");
        Document english = get("/en/formulaire/42/inscription?name=Lina");

        assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(french.getElementById("home").text()).isEqualTo("Accueil");
        assertThat(french.select("#nav a").eachAttr("href")).containsExactly("/visites");
        assertThat(french.select("#nav a").eachText()).containsExactly("Visites");
        assertThat(french.getElementById("path").text()).isEqualTo("/formulaire/42/inscription");
        assertThat(french.getElementById("greeting").text()).isEqualTo("Bonjour Lina");

        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.getElementById("home").text()).isEqualTo("Home");
        assertThat(english.select("#nav a").eachAttr("href")).containsExactly("/en/visites");
        assertThat(english.select("#nav a").eachText()).containsExactly("Visits");
        assertThat(english.getElementById("path").text()).isEqualTo("/formulaire/42/inscription");
    }

    @Test
    void theModulesVariablesAreEscaped() {
        String hostile = "<script>alert(1)</script>";
        HttpResponse<String> response = PLATFORM.get("/formulaire/x?name="
                + URLEncoder.encode(hostile, StandardCharsets.UTF_8));

        assertThat(response.body()).contains("Bonjour &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(hostile);
        assertThat(Jsoup.parse(response.body()).getElementById("greeting").text()).isEqualTo("Bonjour " + hostile);
    }

    @Test
    void theScriptMaySetTheStatusAndAFailingScriptAnswersAPlain500() {
        HttpResponse<String> refused = PLATFORM.get("/formulaire/x?name=a&status=400");
        HttpResponse<String> failed;
        java.util.List<ch.qos.logback.classic.spi.ILoggingEvent> logged;
        try (LogCapture log = LogCapture.of(PageRenderer.class, ch.qos.logback.classic.Level.ERROR)) {
            failed = PLATFORM.get("/en/formulaire/x?name=a&fail=1");
            logged = log.events();
        }

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Bonjour a", "</html>");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(failed.body()).doesNotContain("missing").doesNotContain("Exception").doesNotContain("Bonjour");
        assertThat(logged).singleElement().satisfies(event ->
                assertThat(event.getThrowableProxy()).as("the failure's stack trace, in the log only").isNotNull());
    }

    @Test
    void aVariableNamedLikeAPlatformOneIsRefused() {
        HttpResponse<String> response = PLATFORM.get("/formulaire/clash");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'lang'");
    }
}
