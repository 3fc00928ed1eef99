package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Message;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.search.Commune;
import fr.usinesouvertes.events.search.CommuneNotFoundException;
import fr.usinesouvertes.events.search.CommunesTable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An industrial site as its company describes it, validated. The company names the commune (field {@code commune}:
 * "Longueau", "80330", "Longueau (80)", "Longueau (80330)"); its INSEE code, department, region, postal code and
 * position come from the communes table. Latitude and longitude are optional: an exact position of the site, which
 * must then lie in France (metropolitan or overseas), replaces the commune's centre.
 */
public record SiteForm(String name, String address, String postalCode, String commune, String inseeCode,
                       String department, String region, Double latitude, Double longitude, String sector,
                       String description, boolean exactPosition) {

    /** Property {@value}: "exact" when the company gave the position, "commune" when it is the commune's centre. */
    public static final String POSITION_SOURCE = "positionSource";

    /** The form's field names, in display order. */
    public static final List<String> FIELDS = List.of("name", "address", "commune", "latitude", "longitude", "sector",
            "description");
    /** The properties a site node holds, read back for the form and the lists. */
    public static final List<String> STORED = List.of("name", "address", "postalCode", "commune", "inseeCode",
            "department", "region", "latitude", "longitude", "sector", "description");
    /** The no-JavaScript choice among homonyms: a radio button per candidate, which wins over the text field. */
    public static final String COMMUNE_CHOICE = "communeChoice";

    private static final Pattern POSTAL_CODE = Pattern.compile("\\b(\\d{5})\\b");
    /** Latitude and longitude boxes of metropolitan France and of the overseas departments and collectivities. */
    private static final double[][] FRANCE = {
            {41.3, 51.2, -5.3, 9.7},        // metropolitan France and Corsica
            {15.8, 16.6, -61.9, -60.9},     // Guadeloupe
            {14.3, 14.95, -61.3, -60.75},   // Martinique
            {2.0, 5.9, -54.7, -51.5},       // Guyane
            {-21.45, -20.85, 55.2, 55.85},  // La Réunion
            {-13.05, -12.6, 44.95, 45.35},  // Mayotte
            {46.7, 47.2, -56.55, -56.1},    // Saint-Pierre-et-Miquelon
            {17.85, 18.15, -63.2, -62.75},  // Saint-Barthélemy, Saint-Martin
            {-14.4, -13.1, -178.3, -176.1}, // Wallis-et-Futuna
            {-28.0, -7.8, -155.0, -134.0},  // Polynésie française
            {-23.0, -19.5, 163.5, 168.2}};  // Nouvelle-Calédonie

    /** The validated form, or the errors next to their fields (and the communes to choose from, for a homonym). */
    public record Result(SiteForm form, List<FieldError> errors, List<Commune> communeCandidates) {

        public Result(SiteForm form, List<FieldError> errors) {
            this(form, errors, List.of());
        }
    }

    /** Validates with the communes table embedded in the module. */
    public static Result validate(Map<String, String> values, Lang lang) {
        return validate(values, lang, CommunesTable.embedded());
    }

    public static Result validate(Map<String, String> values, Lang lang, CommunesTable communes) {
        FormInput input = new FormInput(values, lang);
        String name = input.text("name", true, 120);
        String address = input.text("address", true, 200);
        String place = input.present(COMMUNE_CHOICE) ? input.text(COMMUNE_CHOICE, false, 120) : null;
        if (place == null) {
            place = input.text("commune", true, 120);
        }
        Commune commune = null;
        List<Commune> candidates = List.of();
        if (place != null) {
            try {
                commune = communes.resolve(place);
            } catch (CommuneNotFoundException e) {
                candidates = e.candidates();
                input.error("commune", e.isAmbiguous()
                        ? Message.of(Messages.COMPANY, "siteError.communeAmbiguous", e.candidates().get(0).label())
                        : Message.of(Messages.COMPANY, "siteError.communeUnknown", place));
            }
        }
        Double latitude = input.decimal("latitude", false, -90, 90);
        Double longitude = input.decimal("longitude", false, -180, 180);
        boolean coordinateErrors = input.errors().stream()
                .anyMatch(e -> e.field().equals("latitude") || e.field().equals("longitude"));
        if ((latitude == null) != (longitude == null) && !coordinateErrors) {
            input.error(latitude == null ? "latitude" : "longitude", "siteError.coordinatesPair");
        } else if (latitude != null && longitude != null && !inFrance(latitude, longitude)) {
            // the pair is at fault (often swapped): the message names both, the error the first of them
            input.error("latitude", "siteError.notInFrance");
        }
        String sector = input.text("sector", true, 200);
        String description = input.text("description", false, 10_000);
        List<FieldError> errors = input.errors();
        if (!errors.isEmpty()) {
            return new Result(null, errors, candidates);
        }
        String region = FrenchRegions.canonical(commune.region()).orElse(commune.region());
        return new Result(new SiteForm(name, address, postalCode(place, commune), commune.name(), commune.inseeCode(),
                commune.department(), region, latitude == null ? commune.latitude() : latitude,
                longitude == null ? commune.longitude() : longitude, sector, RichText.clean(description),
                latitude != null), errors);
    }

    /** The postal code typed with the commune when it is one of the commune's, else its first. */
    private static String postalCode(String place, Commune commune) {
        Matcher typed = POSTAL_CODE.matcher(place);
        if (typed.find() && commune.postalCodes().contains(typed.group(1))) {
            return typed.group(1);
        }
        return commune.mainPostalCode();
    }

    /** Whether a position lies in metropolitan France or in an overseas department or collectivity (by boxes). */
    public static boolean inFrance(double latitude, double longitude) {
        for (double[] box : FRANCE) {
            if (latitude >= box[0] && latitude <= box[1] && longitude >= box[2] && longitude <= box[3]) {
                return true;
            }
        }
        return false;
    }
}
