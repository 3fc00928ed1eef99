package fr.usinesouvertes.platform.lightmodule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static final Map<String, String> FILES = Map.of(
            "/m/includes/field.yaml", "$type: textField\nlabel: Title\nvalidators:\n  a: { $type: emailValidator }\n",
            "/m/includes/self.yaml", "x: !include:/m/includes/self.yaml\n",
            "/m/includes/list.yaml", "- name: a\n- name: b\n");

    private final YamlReader reader = new YamlReader(path -> Optional.ofNullable(FILES.get(path))
            .map(text -> new YamlReader.IncludedFile(path.substring(1), text)));

    @Test
    void includeWithOwnKeysMergesAndOverrideReplaces() throws Exception {
        YamlDocument document = reader.read("m/dialogs/d.yaml", """
                form:
                  properties:
                    title: !include:/m/includes/field.yaml
                      label: Titre
                      validators: !override
                        b: { $type: regexpValidator }
                """);
        assertThat(YamlMerge.strip(document.root())).isEqualTo(Map.of("form", Map.of("properties", Map.of("title",
                Map.of("$type", "textField", "label", "Titre", "validators", Map.of("b", Map.of("$type", "regexpValidator")))))));
        assertThat(document.line("form.properties.title.label")).isEqualTo(4);
        assertThat(document.line("form.properties.unknown")).isEqualTo(2);
    }

    @Test
    void includeAsListItemAndAsWholeList() throws Exception {
        YamlDocument document = reader.read("m/d.yaml", """
                fields: !include:/m/includes/list.yaml
                more:
                  - !include:/m/includes/field.yaml
                  - name: c
                """);
        Map<String, Object> root = document.root();
        assertThat(root.get("fields")).isEqualTo(List.of(Map.of("name", "a"), Map.of("name", "b")));
        assertThat((List<?>) root.get("more")).hasSize(2).first().isInstanceOf(Map.class);
        Object deprecated = reader.read("m/d.yaml", "fields: !include /m/includes/list.yaml\n").root().get("fields");
        assertThat(deprecated).isEqualTo(root.get("fields")); // the pre-5.5.6 form with a space
    }

    @Test
    void rootDirectivesAreReturnedAndForbiddenElsewhere() throws Exception {
        YamlDocument document = reader.read("m/apps/a.yaml", "!content-type:tour\nname: tours\n");
        assertThat(document.directive()).isEqualTo("!content-type:tour");
        assertThat(document.root()).containsEntry("name", "tours");
        assertThat(reader.read("m/t.yaml", "!inherit:m:pages/home\n").root()).isEmpty();
        assertThatThrownBy(() -> reader.read("m/t.yaml", "a:\n  b: !inherit:m:pages/home\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("only allowed at the root");
    }

    @Test
    void reportsCyclesMissingFilesUnknownDirectivesAndNonMaps() {
        assertThatThrownBy(() -> reader.read("m/d.yaml", "a: 1\nb: !include:/m/includes/self.yaml\n"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("include cycle");
        assertThatThrownBy(() -> reader.read("m/d.yaml", "a: 1\nb: !include:/m/nope.yaml\n"))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.source()).isEqualTo("m/d.yaml");
                }).hasMessageContaining("/m/nope.yaml");
        assertThatThrownBy(() -> reader.read("m/d.yaml", "a: !weird x\n"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("unknown YAML directive !weird");
        assertThatThrownBy(() -> reader.read("m/d.yaml", "- a\n- b\n"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("must be a YAML map");
    }

    @Test
    void scalarsKeepTheirYamlTypes() throws Exception {
        Map<String, Object> root = reader.read("m/d.yaml",
                "i: 12\nbig: 12345678901\nf: 1.5\nb: true\nn: ~\ns: '12'\nanchor: &a { x: 1 }\nmerged:\n  <<: *a\n  y: 2\n").root();
        assertThat(root).containsEntry("i", 12).containsEntry("big", 12345678901L).containsEntry("f", 1.5)
                .containsEntry("b", true).containsEntry("n", null).containsEntry("s", "12")
                .containsEntry("merged", Map.of("x", 1, "y", 2));
    }

    @Test
    void mergeConcatenatesListsAndMergesNamedItems() {
        assertThat(YamlMerge.merge(List.of(1, 2), List.of(3))).isEqualTo(List.of(1, 2, 3));
        Object merged = YamlMerge.merge(
                List.of(Map.of("name", "a", "label", "A", "x", 1), Map.of("name", "b")),
                List.of(Map.of("name", "a", "label", "AA"), Map.of("name", "c")));
        assertThat(merged).isEqualTo(List.of(Map.of("name", "a", "label", "AA", "x", 1), Map.of("name", "b"),
                Map.of("name", "c")));
        assertThat(YamlMerge.merge(Map.of("l", List.of(1)), Map.of("l", new YamlMerge.Override(List.of(2)))))
                .isEqualTo(Map.of("l", List.of(2)));
    }
}
