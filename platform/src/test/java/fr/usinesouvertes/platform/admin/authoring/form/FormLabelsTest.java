package fr.usinesouvertes.platform.admin.authoring.form;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.AppDefinition;
import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DialogDefinition;
import fr.usinesouvertes.platform.definition.FieldDefinition;
import fr.usinesouvertes.platform.definition.MessageCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Labels and help of generated forms from the light modules' messages, by Magnolia's key conventions. */
class FormLabelsTest {

    static final MessageCatalog MESSAGES = new MessageCatalog(Map.of(
            "fr", Map.ofEntries(
                    Map.entry("site.components.text.title.label", "Titre du bloc"),
                    Map.entry("site.components.text.title.description", "Affiché au-dessus du texte."),
                    Map.entry("site.components.text.tabMedia.image.label", "Image (onglet Média)"),
                    Map.entry("site.components.text.image.label", "Image"),
                    Map.entry("site.components.text.address.street.label", "Rue"),
                    Map.entry("site.components.text.city.label", "Ville"),
                    Map.entry("common.caption", "Légende commune"),
                    Map.entry("pressReleases.detail.title.label", "Titre du communiqué"),
                    Map.entry("pressReleases.lead.label", "Chapô"),
                    Map.entry("pressReleases.lead.description", "Une ou deux phrases."),
                    Map.entry("pressReleases.places.city.label", "Ville du lieu")),
            "en", Map.of(
                    "site.components.text.title.label", "Block title",
                    "pressReleases.lead.label", "Lead")));

    static FieldDefinition field(String name, String type, String label, List<FieldDefinition> properties) {
        return new FieldDefinition(name, type, label, null, false, false, null, null, properties, List.of(), null,
                Map.of(), Map.of());
    }

    static final DialogDefinition DIALOG = new DialogDefinition("site:components/text", "Texte", List.of(
            field("title", "textField", null, List.of()),
            field("image", "damLinkField", null, List.of()),
            field("caption", "textField", "common.caption", List.of()),
            field("note", "textField", "Note libre", List.of()),
            field("address", "compositeField", null, List.of(field("street", "textField", null, List.of()),
                    field("city", "textField", null, List.of()), field("zip", "textField", null, List.of()))),
            field("unlabelled", "textField", null, List.of())),
            List.of(new DialogDefinition.Tab("tabMain", "Texte", List.of("title", "caption", "note", "address")),
                    new DialogDefinition.Tab("tabMedia", "Média", List.of("image"))), Map.of());

    static Map<String, FormField> byName(Form form) {
        return form.fields().stream().collect(java.util.stream.Collectors.toMap(FormField::name, f -> f));
    }

    @Test
    void dialogFieldsWithoutLabelTakeTheGeneratedKeysMostSpecificFirst() {
        Map<String, FormField> fields = byName(Forms.fromDialog(DIALOG, FormLabels.of(MESSAGES, "fr")));

        assertThat(fields.get("title").displayLabel()).isEqualTo("Titre du bloc");
        assertThat(fields.get("title").description()).isEqualTo("Affiché au-dessus du texte.");
        assertThat(fields.get("image").displayLabel()).isEqualTo("Image (onglet Média)");
        assertThat(fields.get("address").children()).extracting(FormField::displayLabel)
                .containsExactly("Rue", "Ville", "zip");
        assertThat(fields.get("unlabelled").displayLabel()).isEqualTo("unlabelled");
    }

    @Test
    void aLiteralLabelWinsAndIsItselfLookedUpAsAKey() {
        Map<String, FormField> fields = byName(Forms.fromDialog(DIALOG, FormLabels.of(MESSAGES, "fr")));

        assertThat(fields.get("caption").displayLabel()).isEqualTo("Légende commune");
        assertThat(fields.get("note").displayLabel()).isEqualTo("Note libre");
    }

    @Test
    void englishFallsBackToFrenchKeyByKey() {
        Form form = Forms.fromDialog(DIALOG, FormLabels.of(MESSAGES, "en"));

        assertThat(byName(form).get("title").displayLabel()).isEqualTo("Block title");
        assertThat(byName(form).get("title").description()).isEqualTo("Affiché au-dessus du texte.");
        assertThat(byName(form).get("image").displayLabel()).isEqualTo("Image (onglet Média)");
    }

    @Test
    void anOptionsLabelThatIsAKeyIsTranslatedAndAMissingOneShowsTheValue() {
        MessageCatalog messages = new MessageCatalog(Map.of(
                "fr", Map.of("roles.organiser", "Organisateur"), "en", Map.of("roles.organiser", "Organiser")));
        FieldDefinition role = new FieldDefinition("role", "comboBoxField", null, null, false, false, null, null,
                List.of(), List.of(Map.of("value", "organiser", "label", "roles.organiser"),
                        Map.of("value", "regional", "label", "Partenaire régional"), Map.of("value", "other")),
                null, Map.of(), Map.of());
        DialogDefinition dialog = new DialogDefinition("site:components/strip", "Bandeau", List.of(role), List.of(),
                Map.of());

        assertThat(byName(Forms.fromDialog(dialog, FormLabels.of(messages, "en"))).get("role").options())
                .extracting(Option::label).containsExactly("Organiser", "Partenaire régional", "other");
        assertThat(byName(Forms.fromDialog(dialog, FormLabels.of(messages, "fr"))).get("role").options())
                .extracting(Option::label).containsExactly("Organisateur", "Partenaire régional", "other");
    }

    @Test
    void withoutMessagesTheLiteralLabelsStay() {
        Map<String, FormField> fields = byName(Forms.fromDialog(DIALOG));

        assertThat(fields.get("caption").displayLabel()).isEqualTo("common.caption");
        assertThat(fields.get("title").displayLabel()).isEqualTo("title");
    }

    @Test
    void contentAppFieldsTakeTheDetailFormsKeysThenTheAppsKeys() {
        ContentTypeDefinition type = new ContentTypeDefinition("site:pressRelease", "pressRelease", "press-releases", "/",
                "mgnl:content", true, Map.of(), List.of(
                        new ContentTypeDefinition.Property("title", null, true, true, false, Map.of()),
                        new ContentTypeDefinition.Property("lead", null, false, true, false, Map.of()),
                        new ContentTypeDefinition.Property("body", "richText", false, true, false, Map.of()),
                        new ContentTypeDefinition.Property("places", "place", false, false, true, Map.of())),
                List.of(new ContentTypeDefinition.SubModel("place", List.of(
                        new ContentTypeDefinition.Property("city", null, false, false, false, Map.of())))), Map.of());
        AppDefinition app = new AppDefinition("site:pressReleases", "pressReleases", "Communiqués", null, "pressRelease",
                Map.of());

        Map<String, FormField> fr = byName(Forms.fromContentType(type, app, name -> Optional.empty(),
                FormLabels.of(MESSAGES, "fr")));
        Map<String, FormField> en = byName(Forms.fromContentType(type, app, name -> Optional.empty(),
                FormLabels.of(MESSAGES, "en")));

        assertThat(fr.get("title").displayLabel()).isEqualTo("Titre du communiqué");
        assertThat(fr.get("lead").displayLabel()).isEqualTo("Chapô");
        assertThat(fr.get("lead").description()).isEqualTo("Une ou deux phrases.");
        assertThat(en.get("lead").displayLabel()).isEqualTo("Lead");
        assertThat(fr.get("places").item().children()).extracting(FormField::displayLabel).containsExactly("Ville du lieu");
        assertThat(fr.get("body").displayLabel()).isEqualTo("body");
    }
}
