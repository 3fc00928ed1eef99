package fr.usinesouvertes.events.search;

import static org.apache.jackrabbit.commons.JcrUtils.getStringProperty;

import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.search.SearchDocumentSource;
import java.util.function.Consumer;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.jsoup.Jsoup;

/**
 * The site's pages ({@code website}: title, description and the text of their components) and press
 * releases ({@code press-releases}: title, lead, body) as search documents with a {@code type} field,
 * French text in {@code title}/{@code text}, English in {@code title_en}/{@code text_en}. Reads the
 * published copies ({@code /live/website}, {@code /live/press-releases}) as the public site does, or the
 * workspaces themselves when they are not under publishing; the {@code 404} page is left out.
 */
public final class ContentDocuments implements SearchDocumentSource {

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String URL = "url";
    public static final String TITLE = "title";
    public static final String TITLE_EN = "title_en";
    public static final String SUMMARY = "summary";
    public static final String SUMMARY_EN = "summary_en";
    public static final String TEXT = "text";
    public static final String TEXT_EN = "text_en";
    public static final String DATE = "date";

    public static final String PAGE = "page";
    public static final String PRESS_RELEASE = "pressRelease";

    static final String PRESS_ROOM_TEMPLATE = "usines-ouvertes:pages/press-room";
    private static final String WEBSITE = "website";
    private static final String PRESS_RELEASES = "press-releases";

    /** Pages and press releases, drafts or published copies: nothing else changes this index. */
    @Override
    public boolean concerns(String path) {
        return under(path, "/" + WEBSITE) || under(path, "/" + PRESS_RELEASES)
                || under(path, ContentStage.LIVE_ROOT + "/" + WEBSITE) || under(path, ContentStage.LIVE_ROOT + "/" + PRESS_RELEASES)
                || path.equals(ContentStage.LIVE_ROOT);
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    @Override
    public void readAll(Session session, Consumer<Document> sink) throws RepositoryException {
        Node root = siteRoot(session, publicPath(session, WEBSITE));
        String pressRoom = "/salle-de-presse";
        if (root != null) {
            String found = pressRoomPath(root, root);
            pressRoom = found != null ? found : pressRoom;
            pages(root, root, sink);
        }
        String releases = publicPath(session, PRESS_RELEASES);
        if (session.nodeExists(releases)) {
            pressReleases(session.getNode(releases), pressRoom, sink);
        }
    }

    /** The published copy of a workspace ({@code /live/<workspace>}) when it is under publishing, else the workspace. */
    private static String publicPath(Session session, String workspace) throws RepositoryException {
        String live = ContentStage.LIVE_ROOT + "/" + workspace;
        return session.nodeExists(live) ? live : "/" + workspace;
    }

    private static Node siteRoot(Session session, String website) throws RepositoryException {
        if (!session.nodeExists(website)) {
            return null;
        }
        for (NodeIterator it = session.getNode(website).getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.isNodeType("mgnl:page")) {
                return node;
            }
        }
        return null;
    }

    private static String pressRoomPath(Node root, Node page) throws RepositoryException {
        if (page.hasProperty("mgnl:template") && PRESS_ROOM_TEMPLATE.equals(page.getProperty("mgnl:template").getString())) {
            return urlOf(root, page);
        }
        for (NodeIterator it = page.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType("mgnl:page")) {
                String found = pressRoomPath(root, child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void pages(Node root, Node page, Consumer<Document> sink) throws RepositoryException {
        Document document = base(page, PAGE, urlOf(root, page));
        StringBuilder french = new StringBuilder();
        StringBuilder english = new StringBuilder();
        collectText(page, french, english, true);
        document.add(new TextField(TEXT, french.toString(), Field.Store.NO));
        document.add(new TextField(TEXT_EN, english.toString(), Field.Store.NO));
        store(document, SUMMARY, getStringProperty(page, "description", null));
        store(document, SUMMARY_EN, getStringProperty(page, "description_en", null));
        sink.accept(document);
        for (NodeIterator it = page.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType("mgnl:page") && !child.getName().equals("404")) {
                pages(root, child, sink);
            }
        }
    }

    private static void pressReleases(Node folder, String pressRoom, Consumer<Document> sink) throws RepositoryException {
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node item = it.nextNode();
            if (item.isNodeType("mgnl:folder")) {
                pressReleases(item, pressRoom, sink);
            } else if (item.isNodeType("mgnl:content")) {
                Document document = base(item, PRESS_RELEASE, pressRoom + "/" + item.getName());
                StringBuilder french = new StringBuilder();
                StringBuilder english = new StringBuilder();
                collectText(item, french, english, false);
                document.add(new TextField(TEXT, french.toString(), Field.Store.NO));
                document.add(new TextField(TEXT_EN, english.toString(), Field.Store.NO));
                store(document, SUMMARY, getStringProperty(item, "lead", null));
                store(document, SUMMARY_EN, getStringProperty(item, "lead_en", null));
                if (item.hasProperty("date")) {
                    document.add(new StoredField(DATE, item.getProperty("date").getDate().getTimeInMillis()));
                }
                sink.accept(document);
            }
        }
    }

    private static Document base(Node node, String type, String url) throws RepositoryException {
        Document document = new Document();
        String id = node.hasProperty(ContentStage.SOURCE_ID) ? node.getProperty(ContentStage.SOURCE_ID).getString()
                : node.getIdentifier();
        document.add(new StringField(ID, id, Field.Store.YES));
        document.add(new StringField(TYPE, type, Field.Store.YES));
        document.add(new StoredField(URL, url));
        String title = getStringProperty(node, "title", null);
        document.add(new TextField(TITLE, title != null ? title : node.getName(), Field.Store.YES));
        String titleEn = getStringProperty(node, "title_en", null);
        if (titleEn != null) {
            document.add(new TextField(TITLE_EN, titleEn, Field.Store.YES));
        }
        return document;
    }

    /** Every text property of the node and of its components (not of sub-pages), HTML reduced to its text. */
    private static void collectText(Node node, StringBuilder french, StringBuilder english, boolean descend)
            throws RepositoryException {
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            String name = property.getName();
            if (property.getType() != PropertyType.STRING || name.contains(":") || name.equals("url")
                    || name.startsWith("url_")) {
                continue;
            }
            for (String value : property.isMultiple() ? values(property) : new String[] {property.getString()}) {
                if (looksLikeId(value)) {
                    continue;
                }
                (name.endsWith("_en") ? english : french).append(Jsoup.parse(value).text()).append('\n');
            }
        }
        if (!descend) {
            return;
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (!child.isNodeType("mgnl:page")) {
                collectText(child, french, english, true);
            }
        }
    }

    private static String[] values(Property property) throws RepositoryException {
        javax.jcr.Value[] values = property.getValues();
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = values[i].getString();
        }
        return texts;
    }

    /** UUID references and template ids are not text to search. */
    private static boolean looksLikeId(String value) {
        return value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") || value.matches("[\\w-]+:[\\w/-]+");
    }

    static String urlOf(Node root, Node page) throws RepositoryException {
        return page.getPath().equals(root.getPath()) ? "/" : page.getPath().substring(root.getPath().length());
    }


    private static void store(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new StoredField(field, value));
        }
    }
}
