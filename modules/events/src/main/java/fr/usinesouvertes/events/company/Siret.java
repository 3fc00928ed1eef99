package fr.usinesouvertes.events.company;

/**
 * Checks a SIRET number (14 digits identifying a French establishment): the Luhn checksum, except for
 * La Poste's establishments (SIREN 356 000 000), whose digits must add up to a multiple of 5.
 */
public final class Siret {

    private static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    /** The 14 digits of the number as people type it (spaces allowed), or null when it is not 14 digits. */
    public static String digits(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replace(" ", "").replace("\u00a0", "");
        return digits.matches("[0-9]{14}") ? digits : null;
    }

    public static boolean isValid(String text) {
        String digits = digits(text);
        if (digits == null) {
            return false;
        }
        if (digits.startsWith(LA_POSTE_SIREN)) {
            return digits.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
