package fr.usinesouvertes.platform.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Content for the publishing tests, written straight into the drafts, and small readers of answers. */
final class PublishingFixtures {

    static final Path LIGHT_MODULES = Path.of("src/test/resources/publishing");
    static final String PAGE = "pub-site:pages/page";

    private PublishingFixtures() {
    }

    /** A page of template {@link #PAGE} at a path of {@code website}, with string properties. */
    static String page(ContentRepository repository, String path, String... properties) {
        return repository.write(session -> {
            Node page = node(session, "/website" + path, "mgnl:page");
            page.setProperty("mgnl:template", PAGE);
            for (int i = 0; i + 1 < properties.length; i += 2) {
                page.setProperty(properties[i], properties[i + 1]);
            }
            return page.getIdentifier();
        });
    }

    /** A text component {@code main/<name>} of a page. */
    static void text(ContentRepository repository, String pagePath, String name, String text) {
        repository.write(session -> {
            Node page = session.getNode("/website" + pagePath);
            Node main = page.hasNode("main") ? page.getNode("main") : page.addNode("main", "mgnl:area");
            Node component = main.hasNode(name) ? main.getNode(name) : main.addNode(name, "mgnl:component");
            component.setProperty("mgnl:template", "pub-site:components/text");
            component.setProperty("text", text);
            return null;
        });
    }

    static void set(ContentRepository repository, String jcrPath, String property, String value) {
        repository.write(session -> {
            session.getNode(jcrPath).setProperty(property, value);
            return null;
        });
    }

    /** An asset of workspace {@code dam} with a small text file; returns its uuid. */
    static String asset(ContentRepository repository, String path, String fileName, String content) {
        return repository.write(session -> {
            Node asset = node(session, "/dam" + path, "mgnl:asset");
            asset.setProperty("title", fileName);
            Node resource = asset.hasNode("jcr:content") ? asset.getNode("jcr:content")
                    : asset.addNode("jcr:content", "mgnl:resource");
            resource.setProperty("fileName", fileName);
            resource.setProperty("jcr:mimeType", "text/plain");
            resource.setProperty("jcr:data", session.getValueFactory().createBinary(
                    new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
            return asset.getIdentifier();
        });
    }

    /** An item of the {@code news} content type. */
    static String news(ContentRepository repository, String name, String title) {
        return repository.write(session -> {
            Node item = node(session, "/news/" + name, "mgnl:content");
            item.setProperty("title", title);
            return item.getIdentifier();
        });
    }

    private static Node node(Session session, String jcrPath, String type) throws RepositoryException {
        String parentPath = jcrPath.substring(0, jcrPath.lastIndexOf('/'));
        Node parent = session.getNode(parentPath.isEmpty() ? "/" : parentPath);
        String name = jcrPath.substring(jcrPath.lastIndexOf('/') + 1);
        return parent.hasNode(name) ? parent.getNode(name) : parent.addNode(name, type);
    }

    static JsonNode json(String body) {
        try {
            return JsonMapper.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** The text of the element with the given id. */
    static String text(String html, String id) {
        org.jsoup.nodes.Element element = org.jsoup.Jsoup.parse(html).getElementById(id);
        if (element == null) {
            throw new AssertionError("No element #" + id + " in:\n" + html);
        }
        return element.text();
    }
}
