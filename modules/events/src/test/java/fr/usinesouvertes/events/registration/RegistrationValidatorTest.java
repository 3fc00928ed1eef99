package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.platform.PlatformLauncher;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.RegistrationValidator.InputKind;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.events.config.EventsSettings;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.config.SettingsLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationValidatorTest {

    private static final String SLOT = "0b1c9f3e-4a57-4f0e-9d55-3f7f7b8f6a10";
    private final RegistrationValidator validator = new RegistrationValidator(FormLimits.DEFAULT);

    private static Map<String, Object> json(String json) {
        try {
            return JsonMapper.mapper().readValue(json.replace('\'', '"'), new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> publicForm() {
        return json("{'slot':'" + SLOT + "','audience':'public','name':'Camille Martin','email':'camille@example.fr',"
                + "'persons':3,'consent':true,'lang':'en','website':''}");
    }

    private static Map<String, Object> schoolForm() {
        return json("{'slot':'" + SLOT + "','audience':'school','schoolName':'Collège Jean Moulin','uai':'0751234a',"
                + "'commune':'Vierzon','level':'college','persons':24,'accompanyingAdults':3,'teacherName':'Nadia Benali',"
                + "'email':'n.benali@ac-orleans-tours.fr','phone':'+33 6 12 34 56 78','transportFunding':true,'consent':true}");
    }

    private static Map<String, Object> with(Map<String, Object> form, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(form);
        copy.put(field, value);
        return copy;
    }

    private ValidationResult validate(Map<String, Object> input) {
        return validator.validate(input, InputKind.JSON, 6, Lang.FR);
    }

    @Test
    void aCompletePublicFormGivesATypedForm() {
        ValidationResult result = validate(publicForm());

        assertThat(result.errors()).isEmpty();
        RegistrationForm.Public form = (RegistrationForm.Public) result.form().orElseThrow();
        assertThat(form).isEqualTo(new RegistrationForm.Public(SLOT, 3, "Camille Martin", "camille@example.fr", Lang.EN));
        assertThat(form.audience()).isEqualTo(Audience.PUBLIC);
        assertThat(form.seats()).isEqualTo(3);
    }

    @Test
    void aCompleteSchoolFormIsNormalisedAndCountsTheAdults() {
        ValidationResult result = validator.validate(schoolForm(), InputKind.JSON, 40, Lang.FR);

        RegistrationForm.School form = (RegistrationForm.School) result.form().orElseThrow();
        assertThat(form.uai()).isEqualTo("0751234A");
        assertThat(form.phone()).isEqualTo("0612345678");
        assertThat(form.level()).isEqualTo(SchoolLevel.COLLEGE);
        assertThat(form.transportFunding()).isTrue();
        assertThat(form.seats()).isEqualTo(27);
        assertThat(form.lang()).isEqualTo(Lang.FR);
    }

    @Test
    void aSchoolGroupLargerThanTheSlotAllowsIsRefused() {
        ValidationResult result = validator.validate(schoolForm(), InputKind.JSON, 25, Lang.FR);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("persons");
    }

    @Test
    void aFranceTravailFormNeedsItsOwnFields() {
        Map<String, Object> input = json("{'slot':'" + SLOT + "','audience':'franceTravail','agency':'France Travail Cergy',"
                + "'adviserName':'Paul Durand','adviserEmail':'paul.durand@francetravail.fr','persons':12,'consent':true}");

        RegistrationForm.FranceTravail form = (RegistrationForm.FranceTravail) validator
                .validate(input, InputKind.JSON, 15, Lang.FR).form().orElseThrow();

        assertThat(form.contactEmail()).isEqualTo("paul.durand@francetravail.fr");
        assertThat(form.persons()).isEqualTo(12);
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        ValidationResult result = validate(json("{'audience':'school'}"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "slot", "consent", "schoolName", "commune", "level", "persons", "accompanyingAdults",
                "teacherName", "email", "phone");
        assertThat(result.errors()).extracting(FieldError::message).contains("Ce champ est obligatoire.");
    }

    @Test
    void messagesAreAvailableInEnglish() {
        ValidationResult result = validator.validate(with(publicForm(), "email", "camille"), InputKind.JSON, 6, Lang.EN);

        assertThat(result.errors()).containsExactly(new FieldError("email", "Invalid e-mail address."));
    }

    @Test
    void aNumberSentAsTextInJsonIsAWrongType() {
        assertThat(validate(with(publicForm(), "persons", "3")).errors())
                .containsExactly(new FieldError("persons", "Ce champ doit être un nombre entier."));
        assertThat(validate(with(publicForm(), "persons", 2.5)).errors()).extracting(FieldError::field).containsExactly("persons");
        assertThat(validate(with(publicForm(), "name", 42)).errors()).extracting(FieldError::field).containsExactly("name");
        assertThat(validate(with(publicForm(), "consent", "true")).errors()).extracting(FieldError::field).containsExactly("consent");
    }

    @Test
    void formParametersAreReadFromText() {
        Map<String, Object> form = new LinkedHashMap<>();
        publicForm().forEach((k, v) -> form.put(k, String.valueOf(v)));

        ValidationResult result = validator.validate(form, InputKind.FORM, 6, Lang.FR);

        assertThat(result.errors()).isEmpty();
        assertThat(result.form().orElseThrow().persons()).isEqualTo(3);
    }

    @Test
    void headCountsMustBeWithinBounds() {
        assertThat(validate(with(publicForm(), "persons", 0)).errors())
                .containsExactly(new FieldError("persons", "Indiquez un nombre entre 1 et 6."));
        assertThat(validate(with(publicForm(), "persons", -4)).errors()).extracting(FieldError::field).containsExactly("persons");
        assertThat(validate(with(publicForm(), "persons", 7)).errors()).extracting(FieldError::field).containsExactly("persons");
        assertThat(validate(json("{'slot':'" + SLOT + "','audience':'public','name':'A','email':'a@b.fr','consent':true,"
                + "'persons':99999999999999999999999}")).errors()).extracting(FieldError::field).containsExactly("persons");
        assertThat(validator.validate(with(schoolForm(), "accompanyingAdults", 0), InputKind.JSON, 40, Lang.FR).errors())
                .extracting(FieldError::field).containsExactly("accompanyingAdults");
    }

    @Test
    void unknownFieldsAndFieldsOfAnotherFormAreRefused() {
        assertThat(validate(with(publicForm(), "pupilNames", "Léa, Hugo")).errors())
                .containsExactly(new FieldError("pupilNames", "Champ inconnu pour ce formulaire."));
        assertThat(validate(with(publicForm(), "schoolName", "Lycée")).errors()).extracting(FieldError::field)
                .containsExactly("schoolName");
    }

    @Test
    void groupBoundsComeFromTheSettings() {
        List<SettingDefinition<?>> declared = new ArrayList<>(PlatformLauncher.platformSettings());
        declared.addAll(EventsSettings.all());
        FormLimits limits = FormLimits.from(EventsConfig.from(new SettingsLoader(declared).parse(
                Map.of("registration-max-group-size", "20", "registration-max-accompanying-adults", "2"))));

        ValidationResult result = new RegistrationValidator(limits).validate(schoolForm(), InputKind.JSON, 100, Lang.FR);

        assertThat(result.errors()).containsExactly(new FieldError("persons", "Indiquez un nombre entre 1 et 20."),
                new FieldError("accompanyingAdults", "Indiquez un nombre entre 1 et 2."));
    }

    @Test
    void oddJsonValuesAreFieldErrorsNotCrashes() {
        assertThat(validate(with(publicForm(), "name", Map.of("first", "Camille"))).errors()).extracting(FieldError::field)
                .containsExactly("name");
        assertThat(validate(with(publicForm(), "persons", true)).errors()).extracting(FieldError::field).containsExactly("persons");
        assertThat(validate(with(publicForm(), "email", List.of("a@b.fr"))).errors()).extracting(FieldError::field).containsExactly("email");
        assertThat(validate(with(publicForm(), "lang", "de")).errors()).extracting(FieldError::field).containsExactly("lang");
        assertThat(validate(with(publicForm(), "name", "Camille\u0000")).errors()).extracting(FieldError::field).containsExactly("name");
        assertThat(validator.validate(null, InputKind.JSON, 6, Lang.FR).errors()).extracting(FieldError::field)
                .containsExactly("slot", "audience", "consent");
    }

    @Test
    void consentMustBeGiven() {
        assertThat(validate(with(publicForm(), "consent", false)).errors()).extracting(FieldError::field).containsExactly("consent");
    }

    @Test
    void theHoneypotMustStayEmpty() {
        assertThat(validate(with(publicForm(), "website", "http://spam.example")).errors())
                .containsExactly(new FieldError("website", "Ce champ doit rester vide."));
    }

    @Test
    void emailAddressesAreCheckedStrictly() {
        for (String bad : new String[] {"camille@", "camille@localhost", "Camille <camille@example.fr>", "camille@@example.fr",
                "camille@example..fr", "camille martin@example.fr", "camille@exa_mple.fr"}) {
            assertThat(validate(with(publicForm(), "email", bad)).errors()).as(bad).extracting(FieldError::field).containsExactly("email");
        }
        assertThat(validate(with(publicForm(), "email", "Camille.Martin+jpo@Example.FR")).form().orElseThrow().contactEmail())
                .isEqualTo("Camille.Martin+jpo@example.fr");
    }

    @Test
    void overlongTextIsRefused() {
        assertThat(validate(with(publicForm(), "name", "x".repeat(151))).errors())
                .containsExactly(new FieldError("name", "Ce champ dépasse 150 caractères."));
    }

    @Test
    void uaiPhoneAndLevelFollowFrenchFormats() {
        ValidationResult result = validator.validate(with(with(with(schoolForm(), "uai", "075123A"), "phone", "12 34"),
                "level", "primaire"), InputKind.JSON, 40, Lang.FR);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("uai", "level", "phone");
        Map<String, Object> withoutUai = new LinkedHashMap<>(schoolForm());
        withoutUai.remove("uai");
        assertThat(validator.validate(withoutUai, InputKind.JSON, 40, Lang.FR).isValid()).isTrue();
    }

    @Test
    void overseasAndForeignPhoneNumbersAreAccepted() {
        for (String[] phone : new String[][] {{"0692 12 34 56", "0692123456"}, {"+262 639 69 12 34", "0639691234"},
                {"0590 12 34 56", "0590123456"}, {"+594 694 12 34 56", "0694123456"}, {"0596 12 34 56", "0596123456"},
                {"+32 470 12 34 56", "+32470123456"}}) {
            ValidationResult result = validator.validate(with(schoolForm(), "phone", phone[0]), InputKind.JSON, 40, Lang.FR);

            assertThat(result.errors()).as(phone[0]).isEmpty();
            assertThat(((RegistrationForm.School) result.form().orElseThrow()).phone()).as(phone[0]).isEqualTo(phone[1]);
        }
    }

    @Test
    void anInvalidPhoneNumberIsRefusedNamingTheField() {
        ValidationResult result = validator.validate(with(schoolForm(), "phone", "0639 12 34 56"), InputKind.JSON, 40,
                Lang.EN);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("phone");
            assertThat(error.message()).startsWith("Invalid phone number");
        });
    }

    @Test
    void anUnknownAudienceStillReportsTheOtherFields() {
        ValidationResult result = validate(json("{'audience':'company','slot':'" + SLOT + "','consent':true,'foo':1}"));

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("audience", "foo");
    }
}
