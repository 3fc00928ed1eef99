package fr.usinesouvertes.platform.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.ReferenceDefinition;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.ByteArrayInputStream;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.Session;

/** Content and endpoints shared by the delivery tests: a small site, press releases and a DAM asset. */
final class DeliveryFixtures {

    private DeliveryFixtures() {
    }

    /** An endpoint with Magnolia's defaults except what the test sets. */
    static Endpoint endpoint(String path, String workspace) {
        return new Endpoint(path, workspace);
    }

    /** Builder of {@link DeliveryEndpointDefinition}s for tests. */
    static final class Endpoint {
        private final String path;
        private final String workspace;
        private String rootPath = "/";
        private int depth;
        private List<String> nodeTypes = List.of();
        private List<String> childNodeTypes = List.of();
        private boolean strict;
        private boolean includeSystemProperties;
        private List<String> systemProperties = List.of();
        private int limit = 10;
        private int referenceDepth = 1;
        private boolean referenceRepeat = true;
        private List<ReferenceDefinition> references = List.of();

        Endpoint(String path, String workspace) {
            this.path = path;
            this.workspace = workspace;
        }

        Endpoint rootPath(String value) { rootPath = value; return this; }
        Endpoint depth(int value) { depth = value; return this; }
        Endpoint nodeTypes(String... value) { nodeTypes = List.of(value); return this; }
        Endpoint childNodeTypes(String... value) { childNodeTypes = List.of(value); return this; }
        Endpoint strict(boolean value) { strict = value; return this; }
        Endpoint includeSystemProperties(boolean value) { includeSystemProperties = value; return this; }
        Endpoint systemProperties(String... value) { systemProperties = List.of(value); return this; }
        Endpoint limit(int value) { limit = value; return this; }
        Endpoint referenceDepth(int value) { referenceDepth = value; return this; }
        Endpoint referenceRepeat(boolean value) { referenceRepeat = value; return this; }
        Endpoint references(ReferenceDefinition... value) { references = List.of(value); return this; }

        DeliveryEndpointDefinition build() {
            return new DeliveryEndpointDefinition("test:" + path, path, workspace, rootPath, depth, nodeTypes,
                    childNodeTypes, strict, includeSystemProperties, systemProperties, limit, referenceDepth,
                    referenceRepeat, true, references, Map.of());
        }
    }

    static Calendar date(String iso) {
        java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(iso);
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(time.getOffset()));
        calendar.setTimeInMillis(time.toInstant().toEpochMilli());
        return calendar;
    }

    /** The site: /home with an area of two components and two sub-pages, /about, and a DAM asset. */
    static void createSite(ContentRepository repository) {
        repository.write(session -> {
            Node asset = session.getNode("/dam").addNode("photos", "mgnl:folder").addNode("usine", "mgnl:asset");
            asset.setProperty("title", "Usine");
            asset.setProperty("caption", "Une usine ouverte");
            Node file = asset.addNode(AssetJson.RESOURCE, "mgnl:resource");
            file.setProperty("fileName", "usine.jpg");
            file.setProperty("jcr:mimeType", "image/jpeg");
            file.setProperty("width", 800L);
            file.setProperty("height", 600L);
            file.setProperty("jcr:data", session.getValueFactory().createBinary(new ByteArrayInputStream(new byte[] {1, 2})));

            Node website = session.getNode("/website");
            Node home = website.addNode("home", "mgnl:page");
            home.setProperty("title", "Accueil");
            home.setProperty("title_en", "Home");
            home.setProperty("mgnl:template", "site:pages/home");
            home.setProperty("mgnl:created", date("2026-01-05T08:50:23.426Z"));
            home.setProperty("mgnl:createdBy", "admin");
            home.setProperty("image", "jcr:" + asset.getIdentifier());
            Node main = home.addNode("main", "mgnl:area");
            Node first = main.addNode("00", "mgnl:component");
            first.setProperty("text", "<p>Bonjour</p>");
            first.setProperty("mgnl:template", "site:components/text");
            Node second = main.addNode("01", "mgnl:component");
            second.setProperty("text", "<p>Les usines</p>");
            second.setProperty("mgnl:template", "site:components/text");
            main.orderBefore("01", "00"); // @nodes must follow the stored order, not the names
            Node news = home.addNode("news", "mgnl:page");
            news.setProperty("title", "Actualités");
            news.setProperty("tags", new String[] {"presse", "2026"});
            home.addNode("events", "mgnl:page").setProperty("title", "Agenda");
            Node about = website.addNode("about", "mgnl:page");
            about.setProperty("title", "À propos");
            about.setProperty("related", home.getIdentifier());
            about.setProperty("seeAlso", new String[] {"/home/events", "/home/../../personal", "/nowhere"});
            home.setProperty("related", about.getIdentifier());
            home.setProperty("seeAlso", new String[] {news.getIdentifier(), about.getIdentifier(), "gone-uuid"});
            home.setProperty("secret", "not a reference");
            session.getRootNode().addNode("personal", "nt:unstructured").setProperty("email", "someone@example.org");
            return null;
        });
    }

    /** Press releases in their own workspace, one of them in a folder. */
    static void createPressReleases(ContentRepository repository) {
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of("pressReleases"));
            Node root = session.getNode("/pressReleases");
            release(session, root, "lancement-2025", "Lancement de la première édition", "2025-07-09T10:00:00.000+02:00",
                    20000L, 4.5, true, new String[] {"industrie", "emploi"}, "Les usines ouvrent leurs portes",
                    "Factories open their doors");
            release(session, root, "edition-2026", "Édition 2026 : 400 usines", "2026-02-11T10:00:00.000+01:00",
                    null, 3.0, true, new String[] {"industrie"}, "Plus de 400 USINES participent",
                    "More than 400 factories");
            Node archives = root.addNode("archives", "mgnl:folder");
            release(session, archives, "note-interne", "Note interne", "2026-03-20T12:00:00.000+01:00",
                    150L, 1.25, false, new String[] {"interne"}, "Rien à signaler", null);
            return null;
        });
    }

    private static void release(Session session, Node parent, String name, String title, String date, Long visitors,
                                double score, boolean published, String[] tags, String body, String bodyEn)
            throws javax.jcr.RepositoryException {
        Node node = parent.addNode(name, "mgnl:content");
        node.setProperty("title", title);
        node.setProperty("date", date(date));
        if (visitors != null) {
            node.setProperty("visitors", visitors);
        }
        node.setProperty("score", score);
        node.setProperty("published", published);
        node.setProperty("tags", tags);
        node.setProperty("body", body);
        if (bodyEn != null) {
            node.setProperty("body_en", bodyEn);
        }
    }

    static JsonNode json(String body) {
        try {
            return JsonMapper.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** The JSON with every {@code @id} replaced by {@code "ID"}: ids are random, the rest must match a file. */
    static JsonNode withoutIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("@id")) {
                object.put("@id", "ID");
            }
            object.fields().forEachRemaining(e -> withoutIds(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(DeliveryFixtures::withoutIds);
        }
        return node;
    }

    static JsonNode resource(String name) {
        try (var in = DeliveryFixtures.class.getResourceAsStream(name)) {
            return JsonMapper.mapper().readTree(in);
        } catch (java.io.IOException | NullPointerException e) {
            throw new AssertionError("Missing test resource " + name, e);
        }
    }
}
