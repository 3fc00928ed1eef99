package fr.usinesouvertes.events.site;

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
        return addressLine(address, postalCode, commune);
    }

    /**
     * Street, postcode and commune on one line, each part left out when empty (no leading comma when there is
     * no street): the one way pages, e-mails, calendars and the back office write an address.
     */
    public static String addressLine(String street, String postalCode, String commune) {
        String town = ((postalCode == null ? "" : postalCode.strip()) + " " + (commune == null ? "" : commune.strip())).strip();
        String first = street == null ? "" : street.strip();
        return first.isEmpty() ? town : town.isEmpty() ? first : first + ", " + town;
    }
}
