package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import fr.usinesouvertes.platform.module.PlatformModule;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebResourceServletTest {

    /** A Java module shipping a light module on the class path. */
    static final class ClassPathModule implements PlatformModule {
        @Override
        public ModuleDescriptor descriptor() {
            return ModuleDescriptor.of("cp-module", "1.0").withLightModuleRoot("rendering-classpath/cp-module");
        }
    }

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(RenderingFixtures.LIGHT_MODULES)
            .inMemory().modules(new ClassPathModule());

    private static final String CSS = "/.resources/test-site/webresources/css/site.css";

    @Test
    void servesFilesWithContentTypeAndCachingHeaders() {
        HttpResponse<String> response = PLATFORM.get(CSS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWithIgnoringCase("text/css"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        assertThat(response.body()).contains("font-family");
        assertThat(PLATFORM.get("/.resources/test-site/webresources/js/app.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(PLATFORM.get("/.resources/test-site/webresources/img/logo.svg").headers().firstValue("Content-Type"))
                .hasValue("image/svg+xml");
    }

    @Test
    void servesWebResourcesAndTemplatesOfJavaModulesFromTheClassPath() {
        HttpResponse<String> css = PLATFORM.get("/.resources/cp-module/webresources/cp.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".cp");
        PLATFORM.platform().definitions().replace(DefinitionRegistry.builder()
                .template(new TemplateDefinition("cp-module:pages/cp", TemplateDefinition.Kind.PAGE, "CP", null,
                        "/cp-module/templates/cp.ftl", "freemarker", null, true, Map.of(), Map.of(), null, Map.of()))
                .build());
        PLATFORM.platform().repository().write(session -> RenderingFixtures.node(session, "/website/cp", "mgnl:page",
                "mgnl:template", "cp-module:pages/cp", "title", "Usine"));
        PLATFORM.publish("website", "/cp");
        assertThat(PLATFORM.get("/").body()).contains("from the class path: Usine");
    }

    @Test
    void answers304ToConditionalRequests() {
        HttpResponse<String> first = PLATFORM.get(CSS);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(PLATFORM.get(CSS, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(PLATFORM.get(CSS, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(PLATFORM.get(CSS, "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesTraversalAndFilesOutsideWebresources() {
        // Encoded dot segments and separators are ambiguous: Jetty's URI compliance answers 400 before any
        // servlet sees them; whatever reaches the servlet is checked again and answered 404.
        for (String target : new String[] {
                "/.resources/test-site/webresources/%2e%2e/templates/pages/home.ftl",
                "/.resources/test-site/webresources/css/%2e%2e%2f%2e%2e/templates/pages/home.ftl",
                "/.resources/test-site/webresources/..%5c..%5ctemplates/pages/home.ftl",
                "/.resources/test-site/webresources/css/../../templates/pages/home.ftl",
                "/.resources/test-site/webresources/css/%2E%2E/%2E%2E/templates/pages/home.ftl"}) {
            PlatformExtension.RawResponse response = PLATFORM.rawGet(target);
            assertThat(response.status()).as(target).isIn(400, 404);
            assertThat(response.body()).as(target).doesNotContain("cms.page");
        }
        assertThat(PLATFORM.get("/.resources/test-site/templates/pages/home.ftl").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.resources/test-site/webresources/css").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.resources/unknown/webresources/site.css").statusCode()).isEqualTo(404);
    }
}
