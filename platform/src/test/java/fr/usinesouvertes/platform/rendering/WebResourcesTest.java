package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebResourcesTest {

    private final WebResources resources = new WebResources(new LightModuleOrigins(RenderingFixtures.LIGHT_MODULES,
            Map.of("cp-module", "rendering-classpath/cp-module")), WebResourcesTest.class.getClassLoader());

    @Test
    void listsFolderAndClassPathModules() {
        assertThat(resources.list()).contains("/test-site/webresources/css/site.css",
                "/test-site/webresources/js/app.js", "/cp-module/webresources/cp.css");
    }

    @Test
    void findsFilesOfJavaModulesOnTheClassPath() throws Exception {
        WebResources.Resource resource = resources.find("/cp-module/webresources/cp.css").orElseThrow();
        try (InputStream in = resource.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(".cp");
        }
        assertThat(resource.size()).isPositive();
    }

    @Test
    void refusesUnsafePaths() {
        assertThat(resources.find("/test-site/webresources/../templates/pages/home.ftl")).isEmpty();
        assertThat(resources.find("/test-site/webresources/css/./site.css")).isEmpty();
        assertThat(resources.find("/test-site/templates/pages/home.ftl")).isEmpty();
        assertThat(resources.find("/cp-module/webresources/../templates/cp.ftl")).isEmpty();
        assertThat(resources.find("/test-site/webresources/css\\..\\x")).isEmpty();
    }
}
