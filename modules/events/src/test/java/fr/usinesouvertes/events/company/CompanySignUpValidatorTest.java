package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.FieldError;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompanySignUpValidatorTest {

    static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put("companyName", "Fonderie de Santes");
        values.put("siret", "732 829 320 00074");
        values.put("contactName", "Camille Martin");
        values.put("email", "Camille.Martin@Fonderie.example.FR");
        values.put("region", "ile de france");
        values.put("consent", "on");
        return values;
    }

    @Test
    void aCompleteFormGivesTheNormalisedSignUp() {
        CompanySignUpValidator.Result result = CompanySignUpValidator.validate(valid(), "Forge-Ardente-2026".toCharArray(), Lang.FR);

        assertThat(result.errors()).isEmpty();
        assertThat(result.form()).isEqualTo(new CompanySignUpForm("Fonderie de Santes", "73282932000074", "Camille Martin",
                "camille.martin@fonderie.example.fr", "Île-de-France"));
    }

    @Test
    void eachBadFieldIsNamedWithAFrenchReason() {
        Map<String, String> values = valid();
        values.put("companyName", " ");
        values.put("siret", "73282932000075");
        values.put("email", "camille@");
        values.put("region", "Atlantide");
        values.remove("consent");
        values.put(CompanySignUpValidator.HONEYPOT, "http://spam.example");

        CompanySignUpValidator.Result result = CompanySignUpValidator.validate(values, "azerty".toCharArray(), Lang.FR);

        assertThat(result.form()).isNull();
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("companyName", "siret", "email", "region", "password", "consent", "website");
        assertThat(result.errors()).filteredOn(e -> e.field().equals("password")).first()
                .extracting(FieldError::message).asString().contains("au moins 12 caractères");
    }

    @Test
    void commonPasswordsAreRefusedInEnglishToo() {
        CompanySignUpValidator.Result result = CompanySignUpValidator.validate(valid(), "Motdepasse123".toCharArray(), Lang.EN);

        assertThat(result.errors()).containsExactly(new FieldError("password",
                "This password is too common or too simple: choose another one."));
    }

    @Test
    void theSiretIsOptional() {
        Map<String, String> values = valid();
        values.remove("siret");

        assertThat(CompanySignUpValidator.validate(values, "Forge-Ardente-2026".toCharArray(), Lang.FR).form().siret()).isNull();
    }
}
