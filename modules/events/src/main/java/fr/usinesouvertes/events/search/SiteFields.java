package fr.usinesouvertes.events.search;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;

/** The fields of a site's search document. */
final class SiteFields {

    static final String SLUG = "slug";
    static final String NAME = "name";
    static final String COMPANY = "company";
    static final String COMMUNE = "commune";
    static final String SECTOR_TEXT = "sectorText";
    static final String DESCRIPTION = "description";
    static final String DESCRIPTION_EN = "description_en";
    /** The company's description and showcase text (French); the showcase's English text in {@code _en}. */
    static final String COMPANY_TEXT = "companyText";
    static final String COMPANY_TEXT_EN = "companyText_en";
    static final String SORT_NAME = "sortName";
    static final String LOCATION = "location";
    static final String LATITUDE = "latitude";
    static final String LONGITUDE = "longitude";
    /** The stored result (JSON) answered as is, with the next slots picked at query time. */
    static final String RESULT = "result";

    static final String REGION = "region";
    static final String DEPARTMENT = "department";
    static final String SECTOR = "sector";
    static final String DAY = "day";
    static final String AUDIENCE = "audience";
    static final String PLACES_LEFT = "placesLeft";
    static final List<String> FACETS = List.of(REGION, DEPARTMENT, SECTOR, DAY, AUDIENCE, PLACES_LEFT);

    private SiteFields() {
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(DAY, true);
        config.setMultiValued(AUDIENCE, true);
        return config;
    }
}
