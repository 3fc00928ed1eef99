package fr.usinesouvertes.events.i18n;

/** French postal addresses as the site writes them. */
public final class FrenchAddresses {

    private FrenchAddresses() {
    }

    /**
     * Street, postcode and commune on one line, e.g. {@code 12 rue des Forges, 80080 Amiens}, each part left out
     * when empty (no leading comma when there is no street): the one way pages, e-mails, calendars and the back
     * office write an address.
     */
    public static String line(String street, String postalCode, String commune) {
        String town = ((postalCode == null ? "" : postalCode.strip()) + " " + (commune == null ? "" : commune.strip())).strip();
        String first = street == null ? "" : street.strip();
        return first.isEmpty() ? town : town.isEmpty() ? first : first + ", " + town;
    }
}
