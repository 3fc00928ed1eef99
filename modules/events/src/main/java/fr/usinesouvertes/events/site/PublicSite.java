package fr.usinesouvertes.events.site;

import fr.usinesouvertes.events.i18n.FrenchAddresses;
import java.util.List;

/**
 * The public face of an industrial site with its company: what pages, the delivery API and JSON-LD may show.
 *
 * @param id   the site node's jcr:uuid
 * @param slug the site's stable URL segment, e.g. {@code colas-santes}
 */
public record PublicSite(String id, String slug, String name, String address, String postalCode, String commune,
                         String inseeCode, String department, String region, Double latitude, Double longitude,
                         String sector, String description, List<String> images, String companyName,
                         String companySlug, String companyWebsite, String companyDescription) {

    /** Street, postcode and commune on one line, e.g. {@code 12 rue des Forges, 80080 Amiens}. */
    public String addressLine() {
        return FrenchAddresses.line(address, postalCode, commune);
    }
}
