package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.SitemapEntry;
import fr.usinesouvertes.platform.module.SitemapSource;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /sitemap.xml} (sitemaps.org 0.9): every public page and detail item of the site, plus the
 * URLs modules add ({@link SitemapSource}), in each language of the site (its definition's {@code i18n}; French and
 * English without one) with its {@code lastmod} and every language version as {@code xhtml:link rel="alternate"
 * hreflang} (and {@code x-default}), as Google documents.
 * Generated once and served from a {@link GeneratedDocumentCache} until the content changes (it reads
 * every page, and module sources may read thousands of sites).
 */
final class SitemapServlet extends HttpServlet {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final DateTimeFormatter W3C_DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final transient ContentRepository repository;
    private final transient Definitions definitions;
    private final transient Supplier<List<SitemapSource>> sources;
    private final transient ChangeTime changeTime;
    private final transient PublicUrl publicUrl;
    private final transient GeneratedDocumentCache cache;

    SitemapServlet(ContentRepository repository, Definitions definitions, Supplier<List<SitemapSource>> sources,
                   ChangeTime changeTime, PublicUrl publicUrl, GeneratedDocumentCache cache) {
        this.repository = repository;
        this.definitions = definitions;
        this.sources = sources;
        this.changeTime = changeTime;
        this.publicUrl = publicUrl;
        this.cache = cache;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = publicUrl.base();
        SiteDefinition.SiteLanguages languages = definitions.current().siteLanguages(publicUrl.host());
        GeneratedDocumentCache.Document sitemap = cache.get(base, () -> write(base, languages, entries()));
        GeneratedAnswer.send(request, response, "application/xml;charset=UTF-8", sitemap.body(), sitemap.etag(),
                changeTime);
    }

    private List<SitemapEntry> entries() {
        List<SitemapEntry> entries = new ArrayList<>(repository.read(session ->
                new SiteUrls(session, repository.workspaces(), definitions.current()).entries()));
        for (SitemapSource source : sources.get()) {
            entries.addAll(source.entries());
        }
        return entries;
    }

    /** The sitemap of a French-then-English site (the languages of a site without definition). */
    static byte[] write(String base, List<SitemapEntry> entries) {
        return write(base, SiteDefinition.SiteLanguages.DEFAULT, entries);
    }

    /**
     * One {@code url} per entry and language of the site, its alternates in every language ({@code hreflang} as an IETF
     * tag: {@code de-CH} for {@code de_CH}) and {@code x-default}, the default language's; a site whose content is not
     * localized lists each entry once, without alternates.
     */
    static byte[] write(String base, SiteDefinition.SiteLanguages languages, List<SitemapEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("xhtml", XHTML_NS);
            Set<String> seen = new LinkedHashSet<>();
            for (SitemapEntry entry : entries) {
                if (!seen.add(entry.path())) {
                    continue;
                }
                List<String> localized = languages.enabled() ? languages.locales() : List.of(languages.defaultLocale());
                java.util.Map<String, String> locs = new java.util.LinkedHashMap<>();
                for (String language : localized) {
                    String prefix = languages.prefix(language);
                    locs.put(language, base + prefix + (entry.path().equals("/") && !prefix.isEmpty() ? "/" : entry.path()));
                }
                for (String loc : locs.values()) {
                    xml.writeStartElement("url");
                    element(xml, "loc", loc);
                    if (entry.lastModified() > 0) {
                        element(xml, "lastmod", W3C_DATE.format(Instant.ofEpochMilli(entry.lastModified() / 1000 * 1000)));
                    }
                    if (locs.size() > 1) {
                        for (java.util.Map.Entry<String, String> language : locs.entrySet()) {
                            alternate(xml, language.getKey().replace('_', '-'), language.getValue());
                        }
                        alternate(xml, "x-default", locs.get(languages.defaultLocale()));
                    }
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the sitemap", e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void alternate(XMLStreamWriter xml, String language, String href) throws XMLStreamException {
        xml.writeEmptyElement("xhtml", "link", XHTML_NS);
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("hreflang", language);
        xml.writeAttribute("href", href);
    }
}
