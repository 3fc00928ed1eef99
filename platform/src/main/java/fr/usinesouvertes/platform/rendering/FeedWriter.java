package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.SiteDefinition;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the RSS 2.0 or Atom 1.0 document of a detail page's items: title ({@code title}), summary
 * ({@code lead}), date ({@code date}, else when the item last changed), absolute link and a stable id
 * ({@code urn:uuid:} of the node) per item, in the language asked ({@code <property>_en} in English).
 */
final class FeedWriter {

    /** The two feed formats and their media types. */
    enum Format {
        RSS("application/rss+xml;charset=UTF-8"), ATOM("application/atom+xml;charset=UTF-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        String contentType() {
            return contentType;
        }
    }

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final SiteUrls urls;
    private final String base;
    private final String language;
    private final SiteDefinition.SiteLanguages languages;

    /** A feed in {@code language}, one of the site's {@code languages}. */
    FeedWriter(SiteUrls urls, String base, String language, SiteDefinition.SiteLanguages languages) {
        this.urls = urls;
        this.base = base;
        this.language = language;
        this.languages = languages;
    }

    byte[] write(Format format, Node page, String pagePath, List<Node> items) throws RepositoryException {
        String prefix = languages.prefix(language);
        String pageUrl = base + prefix + urls.links().pageLink(page, languages.defaultLocale());
        String feedUrl = base + prefix + "/feeds" + pagePath + (format == Format.RSS ? ".rss" : ".atom");
        Node root = urls.page("/").orElse(page);
        String siteName = orElse(SiteUrls.text(root, "title", language, languages), root.getName());
        String title = orElse(SiteUrls.text(page, "title", language, languages), page.getName()) + " – " + siteName;
        String description = orElse(SiteUrls.text(page, "description", language, languages), title);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            if (format == Format.RSS) {
                rss(xml, pageUrl, feedUrl, title, description, items);
            } else {
                atom(xml, pageUrl, feedUrl, title, siteName, description, items);
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the feed of " + pagePath, e);
        }
        return bytes.toByteArray();
    }

    private void rss(XMLStreamWriter xml, String pageUrl, String feedUrl, String title, String description,
                     List<Node> items) throws XMLStreamException, RepositoryException {
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("atom", ATOM_NS);
        xml.writeStartElement("channel");
        element(xml, "title", title);
        element(xml, "link", pageUrl);
        element(xml, "description", description);
        element(xml, "language", language.replace('_', '-'));
        xml.writeEmptyElement("atom", "link", ATOM_NS);
        xml.writeAttribute("href", feedUrl);
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("type", "application/rss+xml");
        if (!items.isEmpty()) {
            element(xml, "lastBuildDate", RFC_822.format(Instant.ofEpochMilli(updated(items.get(0)))));
        }
        for (Node item : items) {
            String link = itemUrl(pageUrl, item);
            xml.writeStartElement("item");
            element(xml, "title", itemTitle(item));
            element(xml, "link", link);
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "true");
            xml.writeCharacters(link);
            xml.writeEndElement();
            element(xml, "pubDate", RFC_822.format(Instant.ofEpochMilli(published(item))));
            String lead = SiteUrls.text(item, "lead", language, languages);
            if (lead != null && !lead.isBlank()) {
                element(xml, "description", lead);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void atom(XMLStreamWriter xml, String pageUrl, String feedUrl, String title, String siteName,
                      String description, List<Node> items) throws XMLStreamException, RepositoryException {
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM_NS);
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", language);
        element(xml, "title", title);
        element(xml, "subtitle", description);
        element(xml, "id", feedUrl);
        long updated = items.stream().mapToLong(this::updated).max().orElse(0);
        element(xml, "updated", RFC_3339.format(Instant.ofEpochMilli(updated)));
        link(xml, "self", feedUrl, "application/atom+xml");
        link(xml, "alternate", pageUrl, "text/html");
        xml.writeStartElement("author");
        element(xml, "name", siteName);
        element(xml, "uri", base + "/");
        xml.writeEndElement();
        for (Node item : items) {
            xml.writeStartElement("entry");
            element(xml, "title", itemTitle(item));
            link(xml, "alternate", itemUrl(pageUrl, item), "text/html");
            element(xml, "id", "urn:uuid:" + SiteUrls.publicId(item).toLowerCase(Locale.ROOT));
            element(xml, "published", RFC_3339.format(Instant.ofEpochMilli(published(item))));
            element(xml, "updated", RFC_3339.format(Instant.ofEpochMilli(updated(item))));
            String lead = SiteUrls.text(item, "lead", language, languages);
            if (lead != null && !lead.isBlank()) {
                element(xml, "summary", lead);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private String itemTitle(Node item) throws RepositoryException {
        return orElse(SiteUrls.text(item, "title", language, languages), item.getName());
    }

    private static String itemUrl(String pageUrl, Node item) throws RepositoryException {
        return SiteUrls.itemPath(pageUrl, item);
    }

    /** The item's date, else when it last changed. */
    private long published(Node item) {
        long date = SiteUrls.date(item);
        return date != Long.MIN_VALUE ? date : updated(item);
    }

    /** When the item last changed, at the earliest its date (imported content has no change date). */
    private long updated(Node item) {
        try {
            long date = SiteUrls.date(item);
            return Math.max(SiteUrls.lastModified(item), date == Long.MIN_VALUE ? 0 : date);
        } catch (RepositoryException e) {
            return 0;
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
