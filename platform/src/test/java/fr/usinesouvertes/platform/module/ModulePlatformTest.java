package fr.usinesouvertes.platform.module;

import static fr.usinesouvertes.platform.module.TestModule.dependency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Modules inside a running platform: contributions over HTTP, records in the repository, discovery. */
class ModulePlatformTest {

    /** What a task run once the platform serves found when it asked the module's own page. */
    private static final CompletableFuture<Integer> WHEN_SERVING = new CompletableFuture<>();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .modules(TestModule.of("greetings", "1.1", dependency("core", "1.0/1.5"))
                            .task("1.0", "Create the greetings folder",
                                    context -> context.session().getNode("/config").addNode("greetings", "mgnl:content"))
                            .onStart(context -> {
                                context.rest().register(new GreetingResource());
                                context.web().servlet("/bonjour/*", new GreetingPage());
                                context.lifecycle().whenServing(() -> WHEN_SERVING.complete(statusOf(
                                        context.publicUrl().base() + "/bonjour/usine")));
                            }),
                    TestModule.of("core", "1.2"));

    private static int statusOf(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JAX-RS resource contributed by a module. */
    @jakarta.ws.rs.Path("greetings")
    public static final class GreetingResource {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> greet() {
            return Map.of("message", "Bonjour");
        }
    }

    /** An HTML page served by a module's own servlet. */
    static final class GreetingPage extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                throws java.io.IOException {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<p>Bonjour " + request.getPathInfo().substring(1).length() + "</p>");
        }
    }

    @Test
    void servletOfAModuleAnswersItsPathBeforeThePageRenderer() {
        HttpResponse<String> response = PLATFORM.get("/bonjour/usine");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<p>Bonjour 5</p>");
    }

    @Test
    void aTaskForWhenThePlatformServesRunsOnceItAnswers() throws Exception {
        assertThat(WHEN_SERVING.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }

    @Test
    void restComponentOfAModuleAnswersOverHttp() {
        HttpResponse<String> response = PLATFORM.get("/.rest/greetings");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"Bonjour\"}");
    }

    @Test
    void installedVersionsAndTaskEffectsAreInTheRepository() {
        String versions = PLATFORM.platform().repository().read(session ->
                session.getProperty("/config/modules/greetings/version").getString() + " "
                        + session.getProperty("/config/modules/core/version").getString() + " "
                        + session.nodeExists("/config/greetings"));

        assertThat(versions).isEqualTo("1.1 1.2 true");
    }

    @Test
    void missingDependencyStopsPlatformStartUp() {
        Settings settings = PlatformLauncher.settingsLoader(List.of())
                .parse(Map.of("port", "0", "host", "127.0.0.1", "light-modules", "target/no-light-modules"));
        Platform.Builder builder = Platform.builder(settings).storeBackend(s -> new MemoryStoreBackend())
                .modules(List.of(TestModule.of("events", "1.0", dependency("mail", "2.0"))));

        assertThatThrownBy(builder::start)
                .isInstanceOf(ModuleException.class)
                .hasMessage("Module 'events' needs module 'mail' (version 2.0), which is not installed");
    }

    @Test
    void modulesAreDiscoveredFromServiceFiles() throws Exception {
        URL folder = ModulePlatformTest.class.getResource("/service-discovery/");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);

            List<PlatformModule> modules = PlatformLauncher.discoverModules();

            assertThat(TestModule.names(modules)).contains("discoverable");
            assertThat(modules).anySatisfy(module -> assertThat(module).isInstanceOf(DiscoverableTestModule.class));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
