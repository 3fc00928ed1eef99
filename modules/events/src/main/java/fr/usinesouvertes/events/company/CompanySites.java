package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.PathNotFoundException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * A company's industrial sites ({@code /sites/<slug>}, property {@code company} = the company's uuid).
 *
 * <p>Reads and edits run on the company's own session, so the repository's ACLs decide; only creating
 * a site node runs on a system session (a company may not add children to {@code /sites}), after which
 * the node is granted to the company's group in the same commit.
 */
public final class CompanySites {

    public static final String ROOT = "/sites";

    private final ContentRepository repository;
    private final CompanyGrants grants;

    public CompanySites(ContentRepository repository, CompanyGrants grants) {
        this.repository = repository;
        this.grants = grants;
    }

    /** The company's sites, by name; read on its own session. */
    public List<SiteSummary> list(CompanySession company) {
        List<String> slugs = slugsOf(company.company());
        return company.read(session -> {
            List<SiteSummary> sites = new ArrayList<>();
            for (String slug : slugs) {
                if (session.nodeExists(ROOT + "/" + slug)) {
                    sites.add(summary(session.getNode(ROOT + "/" + slug)));
                }
            }
            sites.sort(Comparator.comparing(SiteSummary::name, String.CASE_INSENSITIVE_ORDER));
            return sites;
        });
    }

    /** One of the company's sites; {@link NotFoundException} for another company's or an unknown one. */
    public SiteSummary find(CompanySession company, String slug) {
        return company.read(session -> summary(ownSite(session, company, slug)));
    }

    /** Creates a site of the company under a free slug of its name; returns the slug. */
    public String create(CompanySession company, SiteForm form) {
        return repository.write(session -> {
            Node companyNode = session.getNode(CompanyNodes.ROOT + "/" + company.company());
            Node root = session.getNode(ROOT);
            String slug = Slugs.free(root, Slugs.of(companyNode.getName() + " " + form.commune()));
            Node site = root.addNode(slug, "mgnl:content");
            site.setProperty("company", companyNode.getIdentifier());
            write(site, form);
            grants.grant(session, company.company(), site.getPath());
            return slug;
        });
    }

    /** Saves the company's edits of one of its sites, on its own session. */
    public void update(CompanySession company, String slug, SiteForm form) {
        company.write(session -> {
            write(ownSite(session, company, slug), form);
            return null;
        });
    }

    /** The site node if it belongs to the session's company; what the ACLs hide is "not found" too. */
    static Node ownSite(Session session, CompanySession company, String slug) throws RepositoryException {
        if (!Slugs.of(slug).equals(slug)) {
            throw new NotFoundException("Site " + slug);
        }
        try {
            Node site = session.getNode(ROOT + "/" + slug);
            Node companyNode = session.getNode(CompanyNodes.ROOT + "/" + company.company());
            if (!site.hasProperty("company") || !site.getProperty("company").getString().equals(companyNode.getIdentifier())) {
                throw new NotFoundException("Site " + slug);
            }
            return site;
        } catch (PathNotFoundException e) {
            throw new NotFoundException("Site " + slug);
        }
    }

    /** Names of the sites whose company is {@code company}: a system read of names only, details are read as the company. */
    private List<String> slugsOf(String company) {
        return repository.read(session -> {
            List<String> slugs = new ArrayList<>();
            String path = CompanyNodes.ROOT + "/" + company;
            if (!session.nodeExists(path) || !session.nodeExists(ROOT)) {
                return slugs;
            }
            String uuid = session.getNode(path).getIdentifier();
            for (NodeIterator it = session.getNode(ROOT).getNodes(); it.hasNext(); ) {
                Node site = it.nextNode();
                if (site.hasProperty("company") && site.getProperty("company").getString().equals(uuid)) {
                    slugs.add(site.getName());
                }
            }
            return slugs;
        });
    }

    private static void write(Node site, SiteForm form) throws RepositoryException {
        site.setProperty("name", form.name());
        site.setProperty("address", form.address());
        site.setProperty("postalCode", form.postalCode());
        site.setProperty("commune", form.commune());
        site.setProperty("inseeCode", form.inseeCode());
        site.setProperty("department", form.department());
        site.setProperty("region", form.region());
        javax.jcr.ValueFactory values = site.getSession().getValueFactory();
        site.setProperty("latitude", form.latitude() == null ? null : values.createValue(form.latitude()));
        site.setProperty("longitude", form.longitude() == null ? null : values.createValue(form.longitude()));
        site.setProperty(SiteForm.POSITION_SOURCE, form.exactPosition() ? "exact" : "commune");
        site.setProperty("sector", form.sector());
        site.setProperty("description", form.description());
    }

    private static SiteSummary summary(Node site) throws RepositoryException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : java.util.stream.Stream.concat(SiteForm.STORED.stream(),
                java.util.stream.Stream.of(SiteForm.POSITION_SOURCE)).toList()) {
            values.put(field, site.hasProperty(field) ? site.getProperty(field).getString() : "");
        }
        return new SiteSummary(site.getName(), values.get("name"), values.get("commune"), values.get("region"), values);
    }
}
