package fr.usinesouvertes.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} is kept as {1}")
    @CsvSource(delimiter = '|', value = {
        // metropolitan France, as people write it
        "06 12 34 56 78         | 0612345678",
        "0612345678             | 0612345678",
        "06.12.34.56.78         | 0612345678",
        "06-12-34-56-78         | 0612345678",
        "+33 6 12 34 56 78      | 0612345678",
        "+33612345678           | 0612345678",
        "0033 6 12 34 56 78     | 0612345678",
        "+33 (0)6 12 34 56 78   | 0612345678",
        "01 23 45 67 89         | 0123456789",
        "0 800 12 34 56         | 0800123456",
    })
    void frenchNumbersInTheirUsualFormsAreKeptAsTenDigits(String written, String stored) {
        assertThat(PhoneNumbers.normalise(written)).contains(stored);
    }

    @ParameterizedTest(name = "{0} is kept as {1}")
    @CsvSource(delimiter = '|', value = {
        // Réunion
        "0262 12 34 56          | 0262123456",
        "0692 12 34 56          | 0692123456",
        "+262 692 12 34 56      | 0692123456",
        "00262 262 12 34 56     | 0262123456",
        // Mayotte (+262 too)
        "0639 69 12 34          | 0639691234",
        "+262 639 69 12 34      | 0639691234",
        "+262 269 61 23 45      | 0269612345",
        // Guadeloupe, Saint-Barthélemy, Saint-Martin
        "0590 12 34 56          | 0590123456",
        "0690 12 34 56          | 0690123456",
        "+590 690 12 34 56      | 0690123456",
        // Guyane
        "0594 12 34 56          | 0594123456",
        "0694 12 34 56          | 0694123456",
        "+594 694 12 34 56      | 0694123456",
        // Martinique
        "0596 12 34 56          | 0596123456",
        "0696 12 34 56          | 0696123456",
        "+596 696 12 34 56      | 0696123456",
    })
    void overseasNumbersOfTheFrenchPlanAreKeptAsDialledFromFrance(String written, String stored) {
        assertThat(PhoneNumbers.normalise(written)).contains(stored);
    }

    @ParameterizedTest(name = "{0} is kept as {1}")
    @CsvSource(delimiter = '|', value = {
        "+32 470 12 34 56       | +32470123456",
        "0032 470 12 34 56      | +32470123456",
        "+49 30 12345678        | +493012345678",
        "+44 20 7946 0958       | +442079460958",
        "+1 415 555 2671        | +14155552671",
        // the Comoros (+269), not to be confused with Mayotte's 0269 landlines
        "+269 773 12 34         | +2697731234",
    })
    void foreignNumbersInInternationalFormAreKeptInE164(String written, String stored) {
        assertThat(PhoneNumbers.normalise(written)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "12 34", "06 12 34 56", "06 12 34 56 78 90", "00 12 34 56 78",
        "0639 12 34 56", "+33 6 12", "06 12 AB 56 78", "06 12 34 56 78 ext. 12", "+32 1", "phone",
        "0612345678901234567890123456789"})
    void anythingElseIsRefused(String written) {
        assertThat(PhoneNumbers.normalise(written)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void noNumberIsRefused() {
        assertThat(PhoneNumbers.normalise(null)).isEmpty();
    }
}
