package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.search.Commune;
import fr.usinesouvertes.events.search.CommuneNotFoundException;
import fr.usinesouvertes.events.search.CommunesTable;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the sites that have a commune or a postal code but no position (latitude and longitude) the INSEE code,
 * department, region and centre of their commune from the communes table, so that "near" finds them. Run at every
 * start, before the search index is opened (which then indexes them); idempotent: a site with a position is never
 * touched, and one whose commune the table cannot tell is left as it is and logged.
 */
public final class SitePositions {

    private static final Logger LOG = LoggerFactory.getLogger(SitePositions.class);

    private SitePositions() {
    }

    /** Fills what is missing in one commit; returns how many sites were updated. */
    public static int backfill(ContentRepository repository, CommunesTable communes) {
        int updated = repository.write(session -> {
            if (!session.nodeExists(CompanySites.ROOT)) {
                return 0;
            }
            int count = 0;
            for (NodeIterator it = session.getNode(CompanySites.ROOT).getNodes(); it.hasNext(); ) {
                Node site = it.nextNode();
                if (!site.isNodeType("mgnl:content") || site.hasProperty("latitude") && site.hasProperty("longitude")
                        || text(site, "inseeCode").isEmpty() && text(site, "commune").isEmpty()
                        && text(site, "postalCode").isEmpty()) {
                    continue; // the folder's access policy, a placed site, or one with nothing to go by
                }
                Optional<Commune> commune = communeOf(site, communes);
                if (commune.isEmpty()) {
                    continue;
                }
                fill(site, commune.get());
                count++;
            }
            return count;
        });
        if (updated > 0) {
            LOG.info("Positions of {} site(s) without latitude and longitude filled from the communes table", updated);
        }
        return updated;
    }

    /** The site's commune: by its INSEE code, else its commune with its postal code, its commune, its postal code. */
    static Optional<Commune> communeOf(Node site, CommunesTable communes) throws RepositoryException {
        String insee = text(site, "inseeCode");
        String name = text(site, "commune");
        String postalCode = text(site, "postalCode");
        if (!insee.isEmpty()) {
            Optional<Commune> byCode = communes.byInseeCode(insee);
            if (byCode.isPresent()) {
                return byCode;
            }
        }
        for (String place : new String[] {name.isEmpty() || postalCode.isEmpty() ? "" : name + " (" + postalCode + ")",
                name, postalCode}) {
            if (place.isEmpty()) {
                continue;
            }
            try {
                return Optional.of(communes.resolve(place));
            } catch (CommuneNotFoundException e) {
                // try the next way of naming it
            }
        }
        LOG.warn("Site {} has no position and its commune '{}' ({}) is not in the communes table: left as it is",
                site.getPath(), name, postalCode);
        return Optional.empty();
    }

    private static void fill(Node site, Commune commune) throws RepositoryException {
        site.setProperty("commune", text(site, "commune").isEmpty() ? commune.name() : text(site, "commune"));
        if (text(site, "postalCode").isEmpty()) {
            site.setProperty("postalCode", commune.mainPostalCode());
        }
        site.setProperty("inseeCode", commune.inseeCode());
        site.setProperty("department", commune.department());
        site.setProperty("region", FrenchRegions.canonical(commune.region()).orElse(commune.region()));
        site.setProperty("latitude", commune.latitude());
        site.setProperty("longitude", commune.longitude());
        site.setProperty(SiteForm.POSITION_SOURCE, "commune");
    }

    private static String text(Node site, String property) throws RepositoryException {
        return site.hasProperty(property) ? site.getProperty(property).getString().strip() : "";
    }
}
