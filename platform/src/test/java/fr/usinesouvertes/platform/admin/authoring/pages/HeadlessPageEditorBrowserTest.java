package fr.usinesouvertes.platform.admin.authoring.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.PreviewTokens;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.NpmPackage;
import fr.usinesouvertes.platform.testing.PageEditorFrame;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In real Chromium, with Magnolia's own front-end library ({@code @magnolia/react-editor} from the npm registry,
 * unchanged): a page rendered by a front end on another origin (the site's {@code baseUrl}) is edited in the page
 * editor. The front end reads the draft through the Delivery API with the frame's preview token, Magnolia's library
 * loads the platform's bridge, the bars appear on its area and components, and adding and deleting a component from
 * them show in the front end at once; the public keeps reading the published page.
 */
class HeadlessPageEditorBrowserTest {

    static final FrontEnd FRONT_END = FrontEnd.start();

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(FRONT_END.lightModules()).inMemory()
            .setting("login-rate-limit", "0");

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final PageEditorFrame EDITOR = new PageEditorFrame(BROWSER);
    static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void site() {
        FRONT_END.platform = PLATFORM.uri("/").toString().replaceAll("/$", "");
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        PLATFORM.platform().repository().write(session -> {
            session.getNode("/website/headless/main/0").setProperty("text", "Draft headline");
            return null;
        });
    }

    @AfterAll
    static void stop() {
        FRONT_END.server.stop(0);
    }

    @Test
    void anEditorEditsAPageThatAFrontEndOnAnotherOriginRenders() throws Exception {
        BROWSER.open(PLATFORM.uri("/admin/login"));
        BROWSER.find("#login").sendKeys("editrice@example.fr");
        BROWSER.find("#password").sendKeys(PASSWORD);
        BROWSER.clickAndWait("button[type=submit]");
        BROWSER.open(PLATFORM.uri("/admin/pages/editor?path=%2Fheadless"));

        String frame = BROWSER.find("#page-editor-frame").getAttribute("src");
        assertThat(frame).startsWith(FRONT_END.origin + "/en/headless?mgnlPreview=false&mgnlChannel=desktop&uoPreview=");
        // the front end shows the draft, with Magnolia's annotations turned into bars by the bridge
        assertThat(headlines()).containsExactly("Draft headline");
        EDITOR.inFrame(() -> {
            assertThat(BROWSER.find(".uo-edit-area").getText()).contains("Zone : Main area");
            assertThat(BROWSER.driver().findElements(By.cssSelector(".uo-edit-area select option")))
                    .extracting(WebElement::getText).containsExactly("Titre");
            assertThat(BROWSER.driver().findElements(By.cssSelector(".uo-edit-component"))).hasSize(1);
        });
        screenshot("headless-page-editor.png");
        BROWSER.assertAccessible();

        // adding one of the area's components opens its dialog; saving it comes back to the editor
        EDITOR.click(".uo-edit-area button[aria-label^='Ajouter le composant']");
        BROWSER.find("#f-text").sendKeys("Added from the page");
        BROWSER.clickAndWait("form.generated-form button[type=submit]");
        assertThat(BROWSER.driver().getCurrentUrl()).contains("/admin/pages/editor?path=%2Fheadless");
        assertThat(headlines()).containsExactly("Draft headline", "Added from the page");

        EDITOR.inFrame(() -> {
            BROWSER.driver().findElements(By.cssSelector(".uo-edit-component")).get(0)
                    .findElement(By.cssSelector("button[aria-label='Supprimer — Titre']")).click();
            BROWSER.driver().switchTo().alert().accept();
        });
        EDITOR.awaitNextPage();
        assertThat(headlines()).containsExactly("Added from the page");

        // the public, without a token, reads the published page; a bad token is refused, never answered as public
        assertThat(PLATFORM.get("/.rest/delivery/pages/v1/headless").body())
                .contains("Published headline").doesNotContain("Added from the page");
        HttpResponse<String> forged = PLATFORM.get("/.rest/delivery/pages/v1/headless?uoPreview=forged.token");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("previewTokenInvalid").contains("uoPreview");
        String token = frame.substring(frame.indexOf("uoPreview=") + "uoPreview=".length());
        HttpResponse<String> draft = PLATFORM.get("/.rest/delivery/pages/v1/headless?uoPreview=" + token);
        assertThat(draft.body()).contains("Added from the page");
        assertThat(draft.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    }

    @Test
    void aPreviewTokenIsForStaffOnlyAndEndsWithItsAccountsSessions() {
        PreviewTokens tokens = PLATFORM.platform().security().previewTokens();
        Account editor = PLATFORM.platform().accounts().create("parti@example.fr", "Paul", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        assertThat(editor.roles()).as("the account as created").containsExactly(Role.EDITOR);
        String token = tokens.issue(editor);
        assertThat(tokens.verify(token)).hasValueSatisfying(a -> assertThat(a.login()).isEqualTo(editor.login()));
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "xx")).isEmpty();
        assertThat(tokens.verify("no-dot")).isEmpty();
        String annotations = "/.rest/template-annotations/v1/headless?uoPreview="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        assertThat(PLATFORM.get(annotations).statusCode()).isEqualTo(200);

        PLATFORM.platform().accounts().disable("parti@example.fr");
        assertThat(tokens.verify(token)).as("a disabled account's token").isEmpty();
        assertThat(PLATFORM.get(annotations).statusCode()).isEqualTo(401);
    }

    private static List<String> headlines() {
        return EDITOR.texts("h2.headline");
    }

    private static void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), BROWSER.driver().getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The front end, on an origin of its own: its page, React's browser builds (WebJars), Magnolia's react-editor
     * (npm) and its script; and the light module whose site points at it (the fixture with its address filled in).
     */
    static final class FrontEnd {
        final HttpServer server;
        final String origin;
        final Path lightModules;
        volatile String platform;

        private FrontEnd(HttpServer server, Path lightModules) {
            this.server = server;
            this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
            this.lightModules = lightModules;
        }

        static FrontEnd start() {
            try {
                Path editor = NpmPackage.unpacked("@magnolia/react-editor", "1.4.3");
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                Path modules = Files.createTempDirectory("headless-editor");
                FrontEnd frontEnd = new FrontEnd(server, modules);
                frontEnd.copyFixture(Path.of("src/test/resources/headless-editor"), modules);
                server.createContext("/static/react.js", exchange -> send(exchange, "text/javascript",
                        resource("META-INF/resources/webjars/react/18.2.0/umd/react.production.min.js")));
                server.createContext("/static/react-dom.js", exchange -> send(exchange, "text/javascript",
                        resource("META-INF/resources/webjars/react-dom/18.2.0/umd/react-dom.production.min.js")));
                server.createContext("/static/mgnl-react-editor.js", exchange -> send(exchange, "text/javascript",
                        Files.readAllBytes(editor.resolve("build/mgnl-react-editor.min.js"))));
                server.createContext("/static/app.js", exchange -> send(exchange, "text/javascript",
                        resource("front-end/app.js")));
                server.createContext("/", exchange -> send(exchange, "text/html", new String(
                        resource("front-end/index.html"), StandardCharsets.UTF_8).replace("${platform}",
                        frontEnd.platform).getBytes(StandardCharsets.UTF_8)));
                server.start();
                return frontEnd;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Path lightModules() {
            return lightModules;
        }

        private void copyFixture(Path from, Path to) throws IOException {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(file).replace("${frontEnd}", origin));
                    }
                }
            }
        }

        private static byte[] resource(String name) throws IOException {
            try (InputStream in = FrontEnd.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("Missing test resource " + name);
                }
                return in.readAllBytes();
            }
        }

        private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", type + ";charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
