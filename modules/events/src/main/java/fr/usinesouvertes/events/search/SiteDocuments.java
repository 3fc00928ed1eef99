package fr.usinesouvertes.events.search;

import static org.apache.jackrabbit.commons.JcrUtils.getStringProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.booking.SlotCounts;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.platform.search.SearchDocumentSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Turns the public event sheets ({@code published} or {@code full}) of {@code /events/<year>/<site>}
 * into one search document per site, from its latest edition's sheet, its site, its company and the
 * company's showcase (description, sector: what the company says about itself);
 * after a change, only the documents of the sites concerned are read again.
 * Draft, submitted and cancelled sheets, and registrations, are never read.
 */
public final class SiteDocuments implements SearchDocumentSource {

    private static final java.util.regex.Pattern CONCERNED =
            java.util.regex.Pattern.compile("(/live)?/showcases(/.*)?|/(events|sites|companies)(/.*)?");
    private static final String SHOWCASES = "showcases";

    /** In a stored result: the sheet is marked full, so its slots have no place left whatever their counts. */
    static final String SHEET_FULL = "sheetFull";
    private static final Set<String> PUBLIC_STATUSES = Set.of("published", "full");

    private final java.time.ZoneId zone;

    /** @param zone the site's time zone: slots' starts are indexed with its offsets, and their days are its dates */
    public SiteDocuments(java.time.ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public FacetsConfig facetsConfig() {
        return SiteFields.facetsConfig();
    }

    @Override
    public String idField() {
        return SiteFields.SLUG;
    }

    /**
     * Event sheets, sites, companies and the showcases of the site's light module (draft or published copy):
     * registrations, the mail queue and the site's pages never change a site's document.
     */
    @Override
    public boolean concerns(String path) {
        return CONCERNED.matcher(path).matches();
    }

    /**
     * A change under {@code /events/<year>/<site>} or {@code /sites/<site>} affects that site's
     * document (sheets are named after their site); a company change affects the sites referencing it;
     * a showcase change affects the sites of its company; registrations and other workspaces affect none.
     * A removed folder, company or showcase rebuilds the index.
     */
    @Override
    public Set<String> affectedIds(Session session, String path) throws RepositoryException {
        String[] parts = path.split("/");
        if (parts.length < 2) {
            return null;
        }
        if (parts[1].equals("live")) {
            return parts.length >= 3 ? showcaseChange(session, path, parts, 2) : null;
        }
        return switch (parts[1]) {
            case "events" -> parts.length >= 4 ? Set.of(parts[3]) : existingFolder(session, path);
            case "sites" -> parts.length >= 3 ? Set.of(parts[2]) : existingFolder(session, path);
            case "companies" -> parts.length >= 3 ? sitesOfCompany(session, "/companies/" + parts[2])
                    : existingFolder(session, path);
            case SHOWCASES -> showcaseChange(session, path, parts, 1);
            default -> Set.of();
        };
    }

    /** {@code parts[at]} is "showcases": the sites of the company the showcase presents (by slug or by name). */
    private static Set<String> showcaseChange(Session session, String path, String[] parts, int at)
            throws RepositoryException {
        if (parts.length <= at + 1) {
            return existingFolder(session, path);
        }
        String showcasePath = String.join("/", java.util.Arrays.copyOf(parts, at + 2));
        if (!session.nodeExists(showcasePath)) {
            return null; // removed: the company it presented is not known any more
        }
        if (!session.nodeExists("/companies")) {
            return Set.of();
        }
        Node showcase = session.getNode(showcasePath);
        Set<String> slugs = new TreeSet<>();
        for (NodeIterator companies = session.getNode("/companies").getNodes(); companies.hasNext(); ) {
            Node company = companies.nextNode();
            if (presents(showcase, company)) {
                slugs.addAll(sitesOfCompany(session, company.getPath()));
            }
        }
        return slugs;
    }

    /** A showcase presents the company of the same node name, or whose name it gives (accents and case aside). */
    private static boolean presents(Node showcase, Node company) throws RepositoryException {
        return showcase.getName().equals(company.getName()) || (!getStringProperty(showcase, "company", "").isBlank()
                && sameName(getStringProperty(showcase, "company", ""), getStringProperty(company, "name", "")));
    }

    private static boolean sameName(String a, String b) {
        return CommunesTable.normalize(a).strip().equalsIgnoreCase(CommunesTable.normalize(b).strip());
    }

    /** The published showcase presenting {@code company} (the draft when showcases are not under publishing). */
    private static Node showcaseOf(Session session, Node company) throws RepositoryException {
        String live = ContentStage.LIVE_ROOT + "/" + SHOWCASES;
        String root = session.nodeExists(live) ? live : "/" + SHOWCASES;
        if (!session.nodeExists(root)) {
            return null;
        }
        Node showcases = session.getNode(root);
        if (showcases.hasNode(company.getName())) {
            return showcases.getNode(company.getName());
        }
        for (NodeIterator it = showcases.getNodes(); it.hasNext(); ) {
            Node showcase = it.nextNode();
            String presented = getStringProperty(showcase, "company", "");
            if (!presented.isBlank() && sameName(presented, getStringProperty(company, "name", ""))) {
                return showcase;
            }
        }
        return null;
    }

    /** A folder's own change (created, touched) affects no site; its removal may affect any. */
    private static Set<String> existingFolder(Session session, String path) throws RepositoryException {
        return session.nodeExists(path) ? Set.of() : null;
    }

    private static Set<String> sitesOfCompany(Session session, String companyPath) throws RepositoryException {
        if (!session.nodeExists(companyPath) || !session.nodeExists("/sites")) {
            return session.nodeExists(companyPath) ? Set.of() : null;
        }
        String id = session.getNode(companyPath).getIdentifier();
        Set<String> slugs = new TreeSet<>();
        for (NodeIterator sites = session.getNode("/sites").getNodes(); sites.hasNext(); ) {
            Node site = sites.nextNode();
            if (id.equals(getStringProperty(site, "company", ""))) {
                slugs.add(site.getName());
            }
        }
        return slugs;
    }

    @Override
    public Optional<Document> read(Session session, String slug) throws RepositoryException {
        for (Node sheet : latestPublicSheetPerSite(session, slug).values()) {
            Node site = referenced(session, sheet, "site");
            if (site != null && site.getName().equals(slug)) {
                return Optional.of(document(session, sheet, site));
            }
        }
        return Optional.empty();
    }

    @Override
    public void readAll(Session session, Consumer<Document> sink) throws RepositoryException {
        for (Node sheet : latestPublicSheetPerSite(session, null).values()) {
            Node site = referenced(session, sheet, "site");
            if (site != null) {
                sink.accept(document(session, sheet, site));
            }
        }
    }

    /** By site id, the public sheet of the latest edition; only those named {@code slug} when given. */
    private static Map<String, Node> latestPublicSheetPerSite(Session session, String slug) throws RepositoryException {
        Map<String, Node> sheets = new LinkedHashMap<>();
        if (!session.nodeExists("/events")) {
            return sheets;
        }
        List<Node> years = new ArrayList<>();
        session.getNode("/events").getNodes().forEachRemaining(year -> years.add((Node) year));
        years.sort(Comparator.comparing(SiteDocuments::nameOf).reversed());
        for (Node year : years) {
            List<Node> yearSheets = new ArrayList<>();
            if (slug == null) {
                year.getNodes().forEachRemaining(sheet -> yearSheets.add((Node) sheet));
            } else if (year.hasNode(slug)) {
                yearSheets.add(year.getNode(slug));
            }
            for (Node sheet : yearSheets) {
                if (PUBLIC_STATUSES.contains(getStringProperty(sheet, "status", "")) && sheet.hasProperty("site")) {
                    sheets.putIfAbsent(getStringProperty(sheet, "site", ""), sheet); // latest edition first
                }
            }
        }
        return sheets;
    }

    private Document document(Session session, Node sheet, Node site) throws RepositoryException {
        Node company = referenced(session, site, "company");
        String companyName = company != null ? getStringProperty(company, "name", "") : "";
        String sector = !getStringProperty(site, "sector", "").isEmpty() ? getStringProperty(site, "sector", "")
                : company != null ? getStringProperty(company, "sector", "") : "";
        boolean sheetFull = "full".equals(getStringProperty(sheet, "status", ""));
        List<SlotSummary> slots = slots(session, sheet, sheetFull);
        Node showcase = company != null ? showcaseOf(session, company) : null;
        // what the company says about itself: its description and its showcase, sectors and activities
        Set<String> sectors = new java.util.LinkedHashSet<>();
        Set<String> about = new java.util.LinkedHashSet<>();
        Set<String> aboutEn = new java.util.LinkedHashSet<>();
        sectors.add(sector);
        if (company != null) {
            sectors.add(getStringProperty(company, "sector", ""));
            about.add(getStringProperty(company, "description", ""));
        }
        if (showcase != null) {
            sectors.add(getStringProperty(showcase, "sector", ""));
            about.add(getStringProperty(showcase, "description", ""));
            aboutEn.add(getStringProperty(showcase, "sector_en", ""));
            aboutEn.add(getStringProperty(showcase, "description_en", ""));
        }
        SiteDocumentBuilder builder = new SiteDocumentBuilder(site.getName())
                .text(SiteFields.NAME, getStringProperty(site, "name", ""))
                .text(SiteFields.COMPANY, companyName)
                .text(SiteFields.COMMUNE, getStringProperty(site, "commune", ""))
                .text(SiteFields.SECTOR_TEXT, String.join("\n", sectors))
                .richText(SiteFields.DESCRIPTION, getStringProperty(site, "description", "") + " "
                        + getStringProperty(sheet, "description", ""))
                .richText(SiteFields.DESCRIPTION_EN, getStringProperty(site, "description_en", "") + " "
                        + getStringProperty(sheet, "description_en", ""))
                .richText(SiteFields.COMPANY_TEXT, String.join("\n", about))
                .richText(SiteFields.COMPANY_TEXT_EN, String.join("\n", aboutEn))
                .facet(SiteFields.REGION, getStringProperty(site, "region", ""))
                .facet(SiteFields.DEPARTMENT, getStringProperty(site, "department", ""))
                .facet(SiteFields.SECTOR, sector)
                .slots(slots);
        if (site.hasProperty("latitude") && site.hasProperty("longitude")) {
            builder.location(site.getProperty("latitude").getDouble(), site.getProperty("longitude").getDouble());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("slug", site.getName());
        result.put("name", getStringProperty(site, "name", ""));
        result.put("company", companyName);
        result.put("commune", getStringProperty(site, "commune", ""));
        result.put("department", getStringProperty(site, "department", ""));
        result.put("region", getStringProperty(site, "region", ""));
        result.put("sector", sector);
        result.put("placesLeft", slots.stream().mapToLong(SlotSummary::placesLeft).sum());
        result.put("slots", slots);
        if (sheetFull) {
            result.put(SHEET_FULL, true); // read and removed by SiteSearch
        }
        return builder.result(json(result)).build();
    }

    private List<SlotSummary> slots(Session session, Node sheet, boolean full) throws RepositoryException {
        List<SlotSummary> slots = new ArrayList<>();
        if (!sheet.hasNode("slots")) {
            return slots;
        }
        for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext(); ) {
            Node slot = it.nextNode();
            if (!slot.hasProperty("start") || SlotBooking.isCancelled(slot)) {
                continue; // a cancelled slot is not offered
            }
            SlotCounts counts = SlotCounts.of(session, slot);
            Set<String> audiences = new TreeSet<>();
            if (slot.hasProperty("audiences")) {
                for (var value : slot.getProperty("audiences").getValues()) {
                    audiences.add(value.getString());
                }
            }
            slots.add(new SlotSummary(slot.getIdentifier(),
                    slot.getProperty("start").getDate().toInstant().atZone(zone).toOffsetDateTime(),
                    List.copyOf(audiences), full ? 0 : counts.placesLeft()));
        }
        slots.sort(Comparator.comparing(SlotSummary::start));
        return slots;
    }

    private static Node referenced(Session session, Node node, String property) throws RepositoryException {
        String id = getStringProperty(node, property, "");
        if (id.isEmpty()) {
            return null;
        }
        // a dangling reference leaves the sheet out rather than failing the whole index
        return NodesByIdentifier.findIfExists(session, id).orElse(null);
    }


    private static String nameOf(Node node) {
        try {
            return node.getName();
        } catch (RepositoryException e) {
            return "";
        }
    }

    private static String json(Map<String, Object> result) {
        try {
            return JsonMapper.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a search result", e);
        }
    }
}
