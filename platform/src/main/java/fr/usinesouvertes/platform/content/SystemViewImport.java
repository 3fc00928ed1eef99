package fr.usinesouvertes.platform.content;

import fr.usinesouvertes.platform.repository.Workspaces;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Imports a Magnolia XML export ({@code <workspace>.<path>.xml}: one {@code sv:node} in JCR system view, binaries
 * embedded as base64) through the repository's own system-view importer, which keeps identifiers, types every value and
 * applies mixins. The node goes under the parent its file name designates, as for YAML files. The XML is read with
 * document type declarations refused (no external entities, no entity expansion).
 */
final class SystemViewImport {

    private SystemViewImport() {
    }

    /** Imports into {@code session} without saving; returns the workspace path of the imported node. */
    static List<String> importInto(Session session, Workspaces workspaces, String fileName, String xml, ImportMode mode)
            throws RepositoryException {
        ContentFileName name = ContentFileName.parse(fileName);
        String rootName = rootNodeName(fileName, xml);
        String parentPath = name.parentPathFor(List.of(rootName));
        String parent = MagnoliaYamlImporter.existingParent(session, workspaces, fileName, name.workspace(), parentPath);
        MagnoliaYamlImporter.requireFreeName(session, fileName, parent, rootName, rootUuid(xml), mode);
        try {
            XMLReader reader = secureParser().getXMLReader();
            reader.setContentHandler(session.getImportContentHandler(parent, mode.uuidBehavior()));
            reader.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            throw new ContentImportException(fileName + ": node '" + rootName + "' cannot be imported: "
                    + MagnoliaYamlImporter.rootMessage(e), e);
        }
        return List.of((parentPath.equals("/") ? "" : parentPath) + "/" + rootName);
    }

    /** The workspace path of the node a file imports (its parent from the file name, its name from the XML). */
    static String nodePath(String fileName, String xml) {
        String rootName = rootNodeName(fileName, xml);
        String parentPath = ContentFileName.parse(fileName).parentPathFor(List.of(rootName));
        return (parentPath.equals("/") ? "" : parentPath) + "/" + rootName;
    }

    /** The {@code sv:name} of the document's first {@code sv:node}. */
    private static String rootNodeName(String fileName, String xml) {
        String name = firstNodeAttribute(fileName, xml, "name");
        if (name == null || name.isBlank()) {
            throw new ContentImportException(fileName + ": not a JCR system-view export (no sv:node with an sv:name)");
        }
        return name;
    }

    /** The {@code jcr:uuid} of the first node, or null: the value of its first {@code sv:property sv:name="jcr:uuid"}. */
    private static String rootUuid(String xml) {
        try {
            XMLStreamReader reader = streamReader(xml);
            int depth = 0;
            boolean inUuid = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (reader.getLocalName().equals("node") && ++depth > 1) {
                        return null; // past the root's own properties
                    }
                    inUuid = inUuid || reader.getLocalName().equals("property")
                            && "jcr:uuid".equals(reader.getAttributeValue(SystemViewEmitter.SV, "name"));
                    if (inUuid && reader.getLocalName().equals("value")) {
                        return reader.getElementText().trim();
                    }
                }
            }
            return null;
        } catch (XMLStreamException e) {
            return null; // reported by the import itself
        }
    }

    private static String firstNodeAttribute(String fileName, String xml, String attribute) {
        try {
            XMLStreamReader reader = streamReader(xml);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return reader.getLocalName().equals("node") ? reader.getAttributeValue(SystemViewEmitter.SV, attribute)
                            : null;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new ContentImportException(fileName + ": not well-formed XML: " + e.getMessage());
        }
    }

    private static XMLStreamReader streamReader(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new StringReader(xml));
    }

    private static javax.xml.parsers.SAXParser secureParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return factory.newSAXParser();
    }
}
