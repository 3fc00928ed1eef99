package fr.usinesouvertes.events.schools;

import java.util.Set;

/**
 * An establishment of the official directory ("Annuaire de l'éducation", dataset {@code fr-en-annuaire-education}) that
 * may visit a factory: from collège up.
 *
 * @param uai        the establishment's official identifier (UAI: seven digits and a letter)
 * @param type       {@code Collège}, {@code Lycée}, {@code EREA}, ... as the directory names it
 * @param levels     the levels it teaches, as the platform's slots accept them
 * @param publicSector whether it is public (else private)
 * @param communeCode the commune's INSEE code
 */
public record School(String uai, String name, String type, Set<Level> levels, boolean publicSector, String address,
                     String postalCode, String communeCode, String commune, String email, String phone,
                     double latitude, double longitude) {

    /** What an establishment teaches, as far as factory visits go. */
    public enum Level {
        COLLEGE, LYCEE_GENERAL, LYCEE_TECHNOLOGIQUE, LYCEE_PROFESSIONNEL, EREA, SUPERIEUR
    }

    public School {
        levels = Set.copyOf(levels);
    }

    /** The department's code, from the commune's INSEE code ({@code 2A}, {@code 974}, {@code 59}). */
    public String department() {
        if (communeCode == null || communeCode.length() < 2) {
            return "?";
        }
        return communeCode.startsWith("97") && communeCode.length() >= 3 ? communeCode.substring(0, 3)
                : communeCode.substring(0, 2);
    }
}
