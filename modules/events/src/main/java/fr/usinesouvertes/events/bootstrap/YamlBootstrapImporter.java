package fr.usinesouvertes.events.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.jackrabbit.util.ISO8601;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Imports a file in Magnolia's YAML export format ({@code <workspace>.<dot.path>.yaml}, nodes with
 * {@code jcr:primaryType}, {@code jcr:uuid}, {@code jcr:mixinTypes} and scalar properties) into the
 * repository, keeping the identifiers the file gives.
 *
 * <p>The nodes go through JCR's system-view import because that is the one standard way to create a
 * node with a given {@code jcr:uuid}. Unquoted YAML timestamps become Date properties, whole numbers
 * Long, decimals Double, booleans Boolean, lists multi-valued properties. A top-level node that already
 * exists is replaced (bootstrap content is the file's content). The caller saves the session.
 */
public final class YamlBootstrapImporter {

    private static final String SV = "http://www.jcp.org/jcr/sv/1.0";

    /** Where the nodes of a bootstrap file go: the workspace and the path of their parent inside it. */
    public record Target(String workspace, String parentPath) {

        /** {@code editions.2026.yaml} → workspace {@code editions}, parent {@code /}; {@code website.a.b.yaml} → {@code /a}. */
        public static Target ofFileName(String fileName) {
            String base = fileName.replaceFirst("\\.ya?ml$", "");
            String[] parts = base.split("\\.");
            if (parts.length < 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("'" + fileName + "' is not named <workspace>.<path>.yaml");
            }
            StringBuilder parent = new StringBuilder();
            for (int i = 1; i < parts.length - 1; i++) {
                parent.append('/').append(parts[i]);
            }
            return new Target(parts[0], parent.isEmpty() ? "/" : parent.toString());
        }

        public String jcrParentPath() {
            return "/" + workspace + (parentPath.equals("/") ? "" : parentPath);
        }
    }

    /**
     * Imports the nodes of one file under the target's parent (created as {@code nt:unstructured}
     * workspace root when missing).
     *
     * @return the imported top-level nodes
     * @throws BootstrapException when the YAML is malformed or a node cannot be imported, naming the file
     */
    public List<Node> importFile(Session session, String fileName, InputStream yaml) throws RepositoryException {
        Target target = Target.ofFileName(fileName);
        Map<String, Object> nodes = parse(fileName, yaml);
        Node root = session.getRootNode();
        if (!root.hasNode(target.workspace())) {
            root.addNode(target.workspace(), "nt:unstructured");
        }
        Node parent = session.getNode(target.jcrParentPath());
        List<Node> imported = new ArrayList<>();
        for (Map.Entry<String, Object> entry : nodes.entrySet()) {
            if (parent.hasNode(entry.getKey())) {
                parent.getNode(entry.getKey()).remove();
            }
            byte[] xml = systemView(fileName, entry.getKey(), entry.getValue());
            try {
                session.importXML(parent.getPath(), new ByteArrayInputStream(xml),
                        ImportUUIDBehavior.IMPORT_UUID_COLLISION_REMOVE_EXISTING);
            } catch (IOException | RepositoryException e) {
                throw new BootstrapException(fileName + ": node '" + entry.getKey() + "' cannot be imported: " + e.getMessage(), e);
            }
            imported.add(parent.getNode(entry.getKey()));
        }
        return imported;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String fileName, InputStream yaml) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new InputStreamReader(yaml, StandardCharsets.UTF_8));
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new BootstrapException(fileName + ": expected a map of nodes at the top level");
            }
            return (Map<String, Object>) map;
        } catch (YAMLException e) {
            throw new BootstrapException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static byte[] systemView(String fileName, String name, Object node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            writeNode(xml, fileName, name, node, true);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new BootstrapException(fileName + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void writeNode(XMLStreamWriter xml, String fileName, String name, Object node, boolean first)
            throws XMLStreamException {
        if (!(node instanceof Map<?, ?> properties)) {
            throw new BootstrapException(fileName + ": node '" + name + "' must be a map");
        }
        xml.writeStartElement("sv", "node", SV);
        if (first) {
            xml.writeNamespace("sv", SV);
        }
        xml.writeAttribute("sv", SV, "name", name);
        Object primaryType = properties.get("jcr:primaryType");
        writeProperty(xml, fileName, "jcr:primaryType", primaryType != null ? primaryType : "mgnl:contentNode", "Name");
        if (properties.containsKey("jcr:mixinTypes")) {
            writeProperty(xml, fileName, "jcr:mixinTypes", properties.get("jcr:mixinTypes"), "Name");
        }
        if (properties.containsKey("jcr:uuid")) {
            writeProperty(xml, fileName, "jcr:uuid", properties.get("jcr:uuid"), "String");
        }
        for (Map.Entry<?, ?> entry : properties.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.equals("jcr:primaryType") || key.equals("jcr:mixinTypes") || key.equals("jcr:uuid")
                    || entry.getValue() instanceof Map) {
                continue;
            }
            writeProperty(xml, fileName, key, entry.getValue(), null);
        }
        for (Map.Entry<?, ?> entry : properties.entrySet()) {
            if (entry.getValue() instanceof Map) {
                writeNode(xml, fileName, String.valueOf(entry.getKey()), entry.getValue(), false);
            }
        }
        xml.writeEndElement();
    }

    private static void writeProperty(XMLStreamWriter xml, String fileName, String name, Object value, String forcedType)
            throws XMLStreamException {
        List<?> values = value instanceof List<?> list ? list : List.of(value);
        String type = forcedType != null ? forcedType : typeOf(fileName, name, values);
        xml.writeStartElement("sv", "property", SV);
        xml.writeAttribute("sv", SV, "name", name);
        xml.writeAttribute("sv", SV, "type", type);
        if (value instanceof List<?>) {
            xml.writeAttribute("sv", SV, "multiple", "true");
        }
        for (Object single : values) {
            xml.writeStartElement("sv", "value", SV);
            xml.writeCharacters(single instanceof Date date ? ISO8601.format(calendar(date)) : String.valueOf(single));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String typeOf(String fileName, String name, List<?> values) {
        Object sample = values.stream().filter(v -> v != null).map(Object.class::cast).findFirst().orElse("");
        String type;
        if (sample instanceof Date) {
            type = "Date";
        } else if (sample instanceof Boolean) {
            type = "Boolean";
        } else if (sample instanceof Integer || sample instanceof Long || sample instanceof java.math.BigInteger) {
            type = "Long";
        } else if (sample instanceof Double) {
            type = "Double";
        } else if (sample instanceof String) {
            type = "String";
        } else {
            throw new BootstrapException(fileName + ": property '" + name + "' has an unsupported value " + sample);
        }
        if (values.stream().anyMatch(v -> v == null || !v.getClass().equals(sample.getClass()))) {
            throw new BootstrapException(fileName + ": property '" + name + "' mixes value types");
        }
        return type;
    }

    private static Calendar calendar(Date date) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Europe/Paris"));
        calendar.setTime(date);
        return calendar;
    }
}
