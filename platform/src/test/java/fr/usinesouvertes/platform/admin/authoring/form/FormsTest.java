package fr.usinesouvertes.platform.admin.authoring.form;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FormsTest {

    static DefinitionRegistry registry;

    @BeforeAll
    static void load() {
        registry = FormFixtures.registry();
    }

    @Test
    void everyDialogFieldTypeGetsItsKind() {
        Map<String, FormField> fields = byName(FormFixtures.allFields(registry));
        assertThat(fields.get("title").kind()).isEqualTo(FieldKind.TEXT);
        assertThat(fields.get("title").i18n()).isTrue();
        assertThat(fields.get("title").required()).isTrue();
        assertThat(fields.get("title").maxLength()).isEqualTo(20);
        assertThat(fields.get("summary").rows()).isEqualTo(3);
        assertThat(fields.get("body").kind()).isEqualTo(FieldKind.RICH_TEXT);
        assertThat(fields.get("start").kind()).isEqualTo(FieldKind.DATE);
        assertThat(fields.get("start").time()).isTrue();
        assertThat(fields.get("day").time()).isFalse();
        assertThat(fields.get("hideInNav").kind()).isEqualTo(FieldKind.CHECKBOX);
        assertThat(fields.get("legacyFlag").kind()).isEqualTo(FieldKind.CHECKBOX);
        assertThat(fields.get("maxItems").valueType()).isEqualTo(ValueType.LONG);
        assertThat(fields.get("maxItems").defaultValue()).isEqualTo("3");
        assertThat(fields.get("role").kind()).isEqualTo(FieldKind.SELECT);
        assertThat(fields.get("role").options()).containsExactly(new Option("organiser", "Organisateur"),
                new Option("regional", "Régional"));
        assertThat(fields.get("roles").kind()).isEqualTo(FieldKind.CHECKBOX_GROUP);
        assertThat(fields.get("page").kind()).isEqualTo(FieldKind.PAGE_LINK);
        assertThat(fields.get("image").kind()).isEqualTo(FieldKind.ASSET_LINK);
        assertThat(fields.get("partner").kind()).isEqualTo(FieldKind.LINK);
        assertThat(fields.get("partner").workspace()).isEqualTo("partners");
        assertThat(fields.get("tags").kind()).isEqualTo(FieldKind.MULTI_VALUE);
        assertThat(fields.get("tags").item().maxLength()).isEqualTo(10);
        assertThat(fields.get("email").email()).isTrue();
        assertThat(fields.get("code").pattern().pattern()).isEqualTo("[A-Z]{3}");
        assertThat(fields.get("code").patternMessage()).isEqualTo("Trois majuscules");
        assertThat(fields.get("address").kind()).isEqualTo(FieldKind.COMPOSITE);
        assertThat(fields.get("address").children()).extracting(FormField::name).containsExactly("street", "city");
        assertThat(fields.get("dates").kind()).isEqualTo(FieldKind.MULTI_FIELD);
        assertThat(fields.get("dates").item().kind()).isEqualTo(FieldKind.COMPOSITE);
        assertThat(fields.get("visual").kind()).isEqualTo(FieldKind.SWITCHABLE);
        assertThat(fields.get("visual").options()).extracting(Option::value).containsExactly("image", "text");
        assertThat(fields.get("visual").switchForms()).containsEntry("image", java.util.List.of("visualImage"))
                .containsEntry("text", java.util.List.of("visualText"));
        assertThat(fields.get("secret").kind()).isEqualTo(FieldKind.HIDDEN);
        assertThat(fields.get("attachment").kind()).isEqualTo(FieldKind.UPLOAD);
    }

    @Test
    void contentTypePropertiesBecomeFieldsByType() {
        Map<String, FormField> fields = byName(FormFixtures.contentTypeForm(registry, "news", "news"));
        assertThat(fields.keySet()).containsExactly("title", "date", "body", "published", "attachments", "partner",
                "page", "places");
        assertThat(fields.get("title").i18n()).isTrue();
        assertThat(fields.get("date").kind()).isEqualTo(FieldKind.DATE);
        assertThat(fields.get("date").time()).isTrue();
        assertThat(fields.get("body").kind()).isEqualTo(FieldKind.RICH_TEXT);
        assertThat(fields.get("published").kind()).isEqualTo(FieldKind.CHECKBOX);
        assertThat(fields.get("attachments").kind()).isEqualTo(FieldKind.MULTI_VALUE);
        assertThat(fields.get("attachments").item().kind()).isEqualTo(FieldKind.ASSET_LINK);
        assertThat(fields.get("partner").kind()).isEqualTo(FieldKind.LINK);
        assertThat(fields.get("partner").workspace()).isEqualTo("partners");
        assertThat(fields.get("page").kind()).isEqualTo(FieldKind.PAGE_LINK);
        assertThat(fields.get("places").kind()).isEqualTo(FieldKind.MULTI_FIELD);
        assertThat(fields.get("places").item().children()).extracting(FormField::name).containsExactly("city", "zip");
    }

    @Test
    void anAppsDetailFormOverridesTheGeneratedFieldAndKeepsItRequired() {
        Form form = FormFixtures.contentTypeForm(registry, "partner", "partners");
        Map<String, FormField> fields = byName(form);
        assertThat(form.label()).isEqualTo("Partenaires");
        assertThat(fields.keySet()).containsExactly("name", "role", "order");
        assertThat(fields.get("role").kind()).isEqualTo(FieldKind.SELECT);
        assertThat(fields.get("role").required()).isTrue();
        assertThat(fields.get("role").options()).hasSize(2);
        assertThat(fields.get("order").valueType()).isEqualTo(ValueType.LONG);
    }

    private static Map<String, FormField> byName(Form form) {
        return form.fields().stream().collect(Collectors.toMap(FormField::name, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
