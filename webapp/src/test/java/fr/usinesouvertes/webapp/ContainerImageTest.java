package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The container image's Jib configuration (webapp/pom.xml) agrees with the rest of the packaging: the JVM options of
 * bin/usines-ouvertes, a config file pointing at the image's volume and light modules, and a build that never needs
 * a registry. The image itself is built and started by packaging/container/check-image.sh (the README's test command).
 */
class ContainerImageTest {

    private static final Path CONFIG = Path.of("../packaging/container/root/opt/usines-ouvertes/config/platform.yaml");

    private static Element jib;

    @BeforeAll
    static void readTheJibConfiguration() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (text(plugin, "artifactId").equals("jib-maven-plugin")) {
                jib = plugin;
            }
        }
        assertThat(jib).as("webapp/pom.xml configures jib-maven-plugin").isNotNull();
    }

    @Test
    void theImageStartsJavaWithTheLaunchersOptionsAndEnvironment() throws Exception {
        String launcher = Files.readString(Path.of("../bin/usines-ouvertes"), StandardCharsets.UTF_8);
        Matcher defaults = Pattern.compile("JAVA_OPTS:=([^}\"]+)").matcher(launcher);
        assertThat(defaults.find()).as("bin/usines-ouvertes sets default JAVA_OPTS").isTrue();

        assertThat(texts(jib, "jvmFlag")).containsExactlyElementsOf(Arrays.asList(defaults.group(1).trim().split("\\s+")));
        assertThat(text(jib, "MALLOC_ARENA_MAX")).isEqualTo("2");
        assertThat(launcher).contains("MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}");
        assertThat(text(jib, "mainClass")).isEqualTo(Main.class.getName());
    }

    @Test
    void theImagesConfigFileUsesItsVolumeLightModulesAndExposedPort() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CONFIG, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] pair = line.split(":", 2);
                settings.put(pair[0].trim(), pair[1].trim());
            }
        }
        List<String> intos = texts(jib, "into");

        assertThat(text(jib, "workingDirectory")).as("the platform reads config/platform.yaml from its working directory")
                .isEqualTo("/opt/usines-ouvertes");
        assertThat(settings).containsEntry("host", "0.0.0.0")
                .containsEntry("data", text(jib, "volume"))
                .containsEntry("light-modules", "/opt/usines-ouvertes/light-modules");
        assertThat(intos).contains(settings.get("light-modules"), "/");
        assertThat(texts(jib, "port")).containsExactly(settings.get("port"));
        assertThat(Path.of("../packaging/container/root" + settings.get("data"))).isDirectory();
        assertThat(text(jib, "user")).as("not root, any uid; the data folder is writable by group 0")
                .matches("[1-9][0-9]*:0");
        assertThat(text(jib, "file")).isEqualTo(settings.get("data"));
        assertThat(text(jib, "mode")).isEqualTo("770");
    }

    @Test
    void theImageIsBuiltOnDemandOnly() {
        assertThat(jib.getElementsByTagName("executions").getLength())
                .as("jib is not bound to the lifecycle: the normal build needs no registry").isZero();
        assertThat(text(jib, "image")).isEqualTo("eclipse-temurin:17-jre");
        assertThat(Path.of("../packaging/container/check-image.sh")).isExecutable();
    }

    private static String text(Element parent, String tag) {
        List<String> texts = texts(parent, tag);
        assertThat(texts).as("<%s> in the jib configuration", tag).isNotEmpty();
        return texts.get(0);
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            texts.add(node.getTextContent().trim());
        }
        return texts;
    }
}
