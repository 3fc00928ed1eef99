package fr.usinesouvertes.events.registration;

import java.util.Optional;

/** Reads French phone numbers as people write them ("06 12 34 56 78", "+33 6 12 34 56 78", "06.12.34.56.78"). */
public final class FrenchPhoneNumbers {

    private FrenchPhoneNumbers() {
    }

    /** The number in national form without separators ("0612345678"), or empty when it is not a French number. */
    public static Optional<String> normalise(String text) {
        if (text == null || text.length() > 30) {
            return Optional.empty();
        }
        String compact = text.replaceAll("[\\s.\\-()]", "");
        if (compact.startsWith("+33")) {
            compact = "0" + compact.substring(3);
        } else if (compact.startsWith("0033")) {
            compact = "0" + compact.substring(4);
        }
        if (compact.startsWith("00")) {
            return Optional.empty();
        }
        // Ten digits, starting with 0 and a non-zero area or mobile prefix (01-09).
        return compact.matches("0[1-9][0-9]{8}") ? Optional.of(compact) : Optional.empty();
    }
}
