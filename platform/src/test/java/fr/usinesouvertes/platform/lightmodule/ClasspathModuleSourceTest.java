package fr.usinesouvertes.platform.lightmodule;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathModuleSourceTest {

    @TempDir
    Path temp;

    @Test
    void listsAndReadsAModuleInsideAJar() throws Exception {
        Path jar = temp.resolve("events.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[] {"light-modules/", "light-modules/events/", "light-modules/other/"}) {
                out.putNextEntry(new JarEntry(folder)); // as Maven's jar plugin writes them
                out.closeEntry();
            }
            put(out, "light-modules/events/module.yaml", "version: 2.0.1\n");
            put(out, "light-modules/events/templates/components/slot.yaml", "title: Créneau\n");
            put(out, "light-modules/events/i18n/events-messages_fr.properties", "events.slot=Créneau\n");
            put(out, "light-modules/other/templates/components/no.yaml", "title: Not this module\n");
        }
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ClasspathModuleSource source = new ClasspathModuleSource("events", "/light-modules/events/", classLoader);
            assertThat(source.files()).containsExactly("i18n/events-messages_fr.properties", "module.yaml",
                    "templates/components/slot.yaml");
            assertThat(source.read("templates/components/slot.yaml")).hasValue("title: Créneau\n");
            assertThat(source.read("../other/templates/components/no.yaml")).isEmpty();

            DefinitionRegistry registry = new LightModuleLoader(new LightModuleOrigins(temp.resolve("none"),
                    Map.of("events", "light-modules/events")), classLoader).load();
            assertThat(registry.modules()).singleElement().satisfies(m -> {
                assertThat(m.origin()).isEqualTo("classpath:light-modules/events");
                assertThat(m.version()).isEqualTo("2.0.1");
            });
            assertThat(registry.template("events:components/slot")).isPresent();
            assertThat(registry.template("other:components/no")).isEmpty();
            assertThat(registry.messages().message("fr", "events.slot")).isEqualTo("Créneau");
        }
        PlatformExtension.deleteRecursively(temp.resolve("none"));
    }

    private static void put(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
