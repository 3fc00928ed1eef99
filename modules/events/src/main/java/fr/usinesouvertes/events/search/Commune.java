package fr.usinesouvertes.events.search;

import java.util.List;

/**
 * A French commune (or a municipal arrondissement of Paris, Lyon or Marseille: {@code district}) of the communes
 * table: INSEE code, name, department code, region name, every postal code, centre, legal population (0 when the
 * table has none).
 */
public record Commune(String inseeCode, String name, String department, String region, List<String> postalCodes,
                      double latitude, double longitude, boolean district, long population) {

    public Commune {
        postalCodes = List.copyOf(postalCodes);
    }

    /** The first postal code, or "" for a commune without one. */
    public String mainPostalCode() {
        return postalCodes.isEmpty() ? "" : postalCodes.get(0);
    }

    /** "Longueau (80)": the name as {@link CommunesTable#resolve} reads it back, with its department. */
    public String label() {
        return name + " (" + department + ")";
    }
}
