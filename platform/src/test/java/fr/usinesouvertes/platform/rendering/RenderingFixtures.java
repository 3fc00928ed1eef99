package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Hand-built template definitions and content for rendering tests (the light-module loader is tested apart). */
final class RenderingFixtures {

    static final Path LIGHT_MODULES = Path.of("src/test/resources/rendering");
    static final String MODULE = "/test-site/templates/";

    private RenderingFixtures() {
    }

    static TemplateDefinition page(String name, Map<String, Object> parameters, AreaDefinition... areas) {
        Map<String, AreaDefinition> byName = new LinkedHashMap<>();
        for (AreaDefinition area : areas) {
            byName.put(area.name(), area);
        }
        return new TemplateDefinition("test-site:pages/" + name, TemplateDefinition.Kind.PAGE, "Page " + name, null,
                MODULE + "pages/" + name + ".ftl", "freemarker", null, true, byName, parameters, null, Map.of());
    }

    static TemplateDefinition component(String name) {
        return new TemplateDefinition("test-site:components/" + name, TemplateDefinition.Kind.COMPONENT, name, null,
                MODULE + "components/" + name + ".ftl", "freemarker", null, true, Map.of(), Map.of(), null, Map.of());
    }

    static AreaDefinition area(String name, String type, String script, String inheritance) {
        return new AreaDefinition(name, name, null, type, null, List.of(), inheritance,
                script == null ? null : MODULE + "areas/" + script, null, true, false, true, Map.of(), Map.of(), Map.of());
    }

    static Node node(Session session, String jcrPath, String type, Object... properties) throws RepositoryException {
        String parentPath = jcrPath.substring(0, jcrPath.lastIndexOf('/'));
        Node parent = session.getNode(parentPath.isEmpty() ? "/" : parentPath);
        String name = jcrPath.substring(jcrPath.lastIndexOf('/') + 1);
        Node node = parent.hasNode(name) ? parent.getNode(name) : parent.addNode(name, type);
        for (int i = 0; i + 1 < properties.length; i += 2) {
            String property = (String) properties[i];
            Object value = properties[i + 1];
            if (value instanceof Calendar date) {
                node.setProperty(property, date);
            } else if (value instanceof Boolean flag) {
                node.setProperty(property, flag);
            } else if (value instanceof String[] values) {
                node.setProperty(property, values);
            } else {
                node.setProperty(property, String.valueOf(value));
            }
        }
        return node;
    }

    static Node page(Session session, String path, String template, Object... properties) throws RepositoryException {
        Node page = node(session, "/website" + path, "mgnl:page", properties);
        page.setProperty("mgnl:template", "test-site:pages/" + template);
        return page;
    }

    static Node component(Session session, String path, String template, Object... properties) throws RepositoryException {
        String areaPath = "/website" + path.substring(0, path.lastIndexOf('/'));
        if (!session.nodeExists(areaPath)) {
            node(session, areaPath, "mgnl:area");
        }
        Node component = node(session, "/website" + path, "mgnl:component", properties);
        component.setProperty("mgnl:template", "test-site:components/" + template);
        return component;
    }

    /** An asset in workspace dam with its file; returns its identifier. */
    static String asset(Session session, String path, String fileName, String mimeType, String content, String title)
            throws RepositoryException {
        Node asset = node(session, "/dam" + path, "mgnl:asset", "title", title);
        Node resource = asset.hasNode("jcr:content") ? asset.getNode("jcr:content") : asset.addNode("jcr:content", "mgnl:resource");
        resource.setProperty("fileName", fileName);
        resource.setProperty("jcr:mimeType", mimeType);
        resource.setProperty("jcr:data", session.getValueFactory().createBinary(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
        return asset.getIdentifier();
    }

    /** The text of the element with the given id (the fixtures put one feature per element). */
    static String element(String html, String id) {
        org.jsoup.nodes.Element element = org.jsoup.Jsoup.parse(html).getElementById(id);
        if (element == null) {
            throw new AssertionError("No element #" + id + " in:\n" + html);
        }
        return element.html();
    }

    static String text(String html, String id) {
        element(html, id);
        return org.jsoup.Jsoup.parse(html).getElementById(id).text();
    }
}
