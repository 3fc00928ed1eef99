package fr.usinesouvertes.events.registration;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads phone numbers as people write them, with Google's libphonenumber (its metadata of every numbering plan):
 * <ul>
 *   <li>French numbers in their usual forms: "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78",
 *       "0033 6 12 34 56 78";</li>
 *   <li>numbers of the overseas departments and communities that share the French numbering plan (Réunion and
 *       Mayotte +262, Guadeloupe, Saint-Barthélemy and Saint-Martin +590, Guyane +594, Martinique +596), written
 *       nationally ("0692 12 34 56", "0639 69 12 34") or internationally ("+262 692 12 34 56");</li>
 *   <li>foreign numbers in international form ("+32 470 12 34 56", "0032 470 12 34 56").</li>
 * </ul>
 * A number of the French numbering plan is kept as it is dialled from France, ten digits without separators
 * ("0612345678", "0692123456"); any other as E.164 ("+32470123456").
 */
public final class PhoneNumbers {

    /**
     * The regions whose numbers are written nationally with the French trunk prefix 0. A number written that way
     * is read as metropolitan first, then as each overseas region's: libphonenumber reads "0692…" as French only
     * with the region of Réunion in mind.
     */
    static final List<String> FRENCH_PLAN = List.of("FR", "RE", "YT", "GP", "MQ", "GF", "BL", "MF");
    /** Digits and the separators people use; letters (vanity numbers) and extensions are refused. */
    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9\\s.\\-()/]+");
    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * The number as it is stored (see the class comment), or empty when it is no valid number: not a number of the
     * French plan, nor a foreign one in international form.
     */
    public static Optional<String> normalise(String text) {
        if (text == null || text.length() > 30 || !WRITTEN.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        for (String region : FRENCH_PLAN) {
            Optional<PhoneNumber> number = valid(text, region);
            if (number.isPresent()) {
                return number.map(PhoneNumbers::stored);
            }
        }
        return Optional.empty();
    }

    private static Optional<PhoneNumber> valid(String text, String region) {
        try {
            PhoneNumber number = NUMBERS.parse(text, region);
            return NUMBERS.isValidNumber(number) && !number.hasExtension() ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String stored(PhoneNumber number) {
        if (FRENCH_PLAN.contains(NUMBERS.getRegionCodeForNumber(number))) {
            return NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
        }
        return NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
}
