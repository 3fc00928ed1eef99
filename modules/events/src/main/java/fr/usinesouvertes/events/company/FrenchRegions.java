package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Regions;
import java.util.List;
import java.util.Optional;

/** The regions of France as the edition's regional overrides and the site pages name them. */
public final class FrenchRegions {

    public static final List<String> ALL = List.of("Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne",
            "Centre-Val de Loire", "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie",
            "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur", "Guadeloupe",
            "Martinique", "Guyane", "La Réunion", "Mayotte");

    private FrenchRegions() {
    }

    /** The region's official spelling for a name typed without accents or case, if it is one. */
    public static Optional<String> canonical(String name) {
        return ALL.stream().filter(region -> Regions.same(region, name)).findFirst();
    }
}
