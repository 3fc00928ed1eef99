package fr.usinesouvertes.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the WebJars copy of the npm package, read from the class path) in the page a
 * {@link WebDriver} shows, and reports its violations readably.
 */
public final class Axe {

    /** The WCAG 2.0 and 2.1 levels A and AA (what RGAA asks) plus axe's best practices. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String script;

    private Axe() {
    }

    /** One axe violation: rule, impact, help text and the CSS selectors of the offending nodes. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> nodes) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("- ").append(rule).append(" (").append(impact).append("): ")
                    .append(help).append(" <").append(helpUrl).append(">");
            for (String node : nodes) {
                text.append("\n    ").append(node);
            }
            return text.toString();
        }
    }

    /** The violations axe-core finds in the current page of {@code driver}. */
    public static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(script());
        Object raw = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(function (r) { done(JSON.stringify(r.violations)); })
                   .catch(function (e) { done(JSON.stringify({error: String(e)})); });
                """, TAGS);
        try {
            JsonNode result = JSON.readTree(String.valueOf(raw));
            if (result.has("error")) {
                throw new IllegalStateException("axe-core failed: " + result.get("error").asText());
            }
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : result) {
                List<String> nodes = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    nodes.add(node.path("target").toString() + " " + node.path("html").asText()
                            + "\n      " + node.path("failureSummary").asText().replace("\n", "\n      "));
                }
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(),
                        v.path("help").asText(), v.path("helpUrl").asText(), nodes));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with every violation (rule, impact, nodes, how to fix) when axe-core finds any. */
    public static void assertNoViolations(WebDriver driver) {
        List<Violation> violations = violations(driver);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("axe-core found ").append(violations.size())
                    .append(" violation(s) on ").append(driver.getCurrentUrl()).append(":\n");
            violations.forEach(v -> message.append(v).append('\n'));
            throw new AssertionError(message.toString());
        }
    }

    private static String script() {
        if (script == null) {
            String version = webJarVersion();
            String path = "/META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
            try (InputStream in = Axe.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core not on the class path: " + path
                            + " (test dependency org.webjars.npm:axe-core)");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static String webJarVersion() {
        try (InputStream in = Axe.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("axe-core WebJar not on the class path (org.webjars.npm:axe-core)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
