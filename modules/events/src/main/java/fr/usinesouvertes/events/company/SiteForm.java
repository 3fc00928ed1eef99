package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.LocalizedText;
import fr.usinesouvertes.events.registration.FieldError;
import java.util.List;
import java.util.Map;

/**
 * An industrial site as its company describes it, validated: address, commune and INSEE code,
 * department, region, coordinates, sector, description (sanitised rich text).
 */
public record SiteForm(String name, String address, String postalCode, String commune, String inseeCode,
                       String department, String region, Double latitude, Double longitude, String sector,
                       String description) {

    /** The form's field names, in display order. */
    public static final List<String> FIELDS = List.of("name", "address", "postalCode", "commune", "inseeCode",
            "department", "region", "latitude", "longitude", "sector", "description");

    /** The validated form, or the errors next to their fields. */
    public record Result(SiteForm form, List<FieldError> errors) {
    }

    public static Result validate(Map<String, String> values, Lang lang) {
        FormInput input = new FormInput(values, lang);
        String name = input.text("name", true, 120);
        String address = input.text("address", true, 200);
        String postalCode = input.text("postalCode", true, 5);
        if (postalCode != null && !postalCode.matches("[0-9]{5}")) {
            input.error("postalCode", new LocalizedText("Code postal : 5 chiffres.", "Postal code: 5 digits."));
        }
        String commune = input.text("commune", true, 120);
        String insee = input.text("inseeCode", true, 5);
        if (insee != null && !insee.matches("[0-9][0-9AB][0-9]{3}")) {
            input.error("inseeCode", new LocalizedText("Code INSEE : 5 caractères (ex. 59553, 2A004).",
                    "INSEE code: 5 characters (e.g. 59553, 2A004)."));
        }
        String department = input.text("department", true, 3);
        if (department != null && !department.matches("[0-9]{2,3}|2A|2B")) {
            input.error("department", new LocalizedText("Département : numéro (ex. 59, 2A, 974).",
                    "Department: number (e.g. 59, 2A, 974)."));
        }
        String regionText = input.text("region", true, 60);
        String region = regionText == null ? null : FrenchRegions.canonical(regionText).orElse(null);
        if (regionText != null && region == null) {
            input.error("region", new LocalizedText("Région inconnue.", "Unknown region."));
        }
        Double latitude = input.decimal("latitude", false, -90, 90);
        Double longitude = input.decimal("longitude", false, -180, 180);
        if ((latitude == null) != (longitude == null) && input.errors().stream()
                .noneMatch(e -> e.field().equals("latitude") || e.field().equals("longitude"))) {
            input.error(latitude == null ? "latitude" : "longitude", new LocalizedText(
                    "Indiquez la latitude et la longitude, ou aucune des deux.", "Give both latitude and longitude, or neither."));
        }
        String sector = input.text("sector", true, 200);
        String description = input.text("description", false, 10_000);
        List<FieldError> errors = input.errors();
        return new Result(errors.isEmpty() ? new SiteForm(name, address, postalCode, commune, insee, department, region,
                latitude, longitude, sector, RichText.clean(description)) : null, errors);
    }
}
