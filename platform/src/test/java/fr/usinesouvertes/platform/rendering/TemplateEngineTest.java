package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {

    @TempDir
    Path lightModules;

    private String render(TemplateEngine engine, String script, Map<String, Object> model) throws Exception {
        StringWriter out = new StringWriter();
        engine.render(script, model, Locale.FRANCE, out);
        return out.toString();
    }

    private Path write(String path, String text) throws Exception {
        Path file = lightModules.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void usesSquareBracketTagsAndEscapesHtml() throws Exception {
        write("site/templates/t.ftl", "[#if title??]<h1>${title}</h1>[/#if][#list 1..2 as i]${i}[/#list]");
        TemplateEngine engine = new TemplateEngine(new LightModuleOrigins(lightModules, Map.of()), new Definitions());
        assertThat(render(engine, "/site/templates/t.ftl", Map.of("title", "<b>&</b>")))
                .isEqualTo("<h1>&lt;b&gt;&amp;&lt;/b&gt;</h1>12");
    }

    /** A record as a Java module gives it to templates: public, a component named like a getter among others. */
    public record Slot(String label, boolean isFull, Long limit) {
    }

    @Test
    void readsEveryRecordComponentUnderItsOwnName() throws Exception {
        write("site/templates/t.ftl", "${slot.label} [#if slot.isFull]full[/#if] ${slot.isFull()?c}"
                + " [#if slot.limit??]limit[#else]none[/#if] ${slot.label()}");
        TemplateEngine engine = new TemplateEngine(new LightModuleOrigins(lightModules, Map.of()), new Definitions());
        assertThat(render(engine, "/site/templates/t.ftl", Map.of("slot", new Slot("9h", true, null))))
                .isEqualTo("9h full true none 9h");
    }

    @Test
    void aScriptWrittenForMagnoliasClassicEscapingRendersAsOnMagnolia() throws Exception {
        write("magnolia/templates/page.ftl", "<h1>${title?html}</h1>${body!}[#include \"/magnolia/templates/part.ftl\"]");
        write("magnolia/templates/part.ftl", "<p>${body!}</p>");
        write("magnolia/templates/escape.ftl", "[#escape x as x?html]<h2>${title}</h2>[/#escape]");
        write("site/templates/own.ftl", "<h1>${title}</h1>");
        Definitions definitions = new Definitions();
        TemplateEngine engine = new TemplateEngine(new LightModuleOrigins(lightModules, Map.of()), definitions);
        Map<String, Object> model = Map.of("title", "<b>&</b>", "body", "<em>rich</em>");
        // escaped once by the script itself; what it prints without ?html goes out as it is, in its includes too
        assertThat(render(engine, "/magnolia/templates/page.ftl", model))
                .isEqualTo("<h1>&lt;b&gt;&amp;&lt;/b&gt;</h1><em>rich</em><p><em>rich</em></p>");
        assertThat(render(engine, "/magnolia/templates/escape.ftl", model)).isEqualTo("<h2>&lt;b&gt;&amp;&lt;/b&gt;</h2>");
        // the platform's own scripts keep auto-escaping, also after a reload
        assertThat(render(engine, "/site/templates/own.ftl", model)).isEqualTo("<h1>&lt;b&gt;&amp;&lt;/b&gt;</h1>");
        definitions.replace(DefinitionRegistry.empty());
        assertThat(render(engine, "/magnolia/templates/page.ftl", model)).startsWith("<h1>&lt;b&gt;&amp;&lt;/b&gt;</h1>");
    }

    @Test
    void rereadsChangedFilesAndClearsItsCacheOnReload() throws Exception {
        Path file = write("site/templates/t.ftl", "one");
        Definitions definitions = new Definitions();
        TemplateEngine engine = new TemplateEngine(new LightModuleOrigins(lightModules, Map.of()), definitions);
        assertThat(render(engine, "/site/templates/t.ftl", Map.of())).isEqualTo("one");
        Files.writeString(file, "two");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(render(engine, "/site/templates/t.ftl", Map.of())).isEqualTo("two");
        Files.delete(file);
        definitions.replace(DefinitionRegistry.empty());
        assertThatThrownBy(() -> render(engine, "/site/templates/t.ftl", Map.of()))
                .isInstanceOf(freemarker.template.TemplateNotFoundException.class);
    }

    @Test
    void loadsTemplatesOfJavaModulesFromTheClassPath() throws Exception {
        TemplateEngine engine = new TemplateEngine(new LightModuleOrigins(lightModules,
                Map.of("cp-module", "rendering-classpath/cp-module")), new Definitions());
        assertThat(render(engine, "/cp-module/templates/cp.ftl", Map.of("content", Map.of("title", "Usine"))))
                .contains("from the class path: Usine");
    }

    @Test
    void refusesTemplatePathsOutsideTheLightModules() throws Exception {
        write("site/templates/t.ftl", "ok");
        TemplateEngine engine = new TemplateEngine(new LightModuleOrigins(lightModules.resolve("site"), Map.of()),
                new Definitions());
        assertThatThrownBy(() -> render(engine, "/../site/templates/t.ftl", Map.of()))
                .isInstanceOf(Exception.class);
    }
}
