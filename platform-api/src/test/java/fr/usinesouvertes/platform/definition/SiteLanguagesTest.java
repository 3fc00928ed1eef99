package fr.usinesouvertes.platform.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteLanguagesTest {

    private final SiteDefinition.SiteLanguages swiss =
            new SiteDefinition.SiteLanguages(true, List.of("de_CH", "fr_CH", "en"), "de_CH", "en");

    @Test
    void prefixesNameTheLocalesOtherThanTheDefaultInEitherSpelling() {
        assertThat(swiss.ofPrefix("fr-ch")).hasValue("fr_CH");
        assertThat(swiss.ofPrefix("en")).hasValue("en");
        assertThat(swiss.ofPrefix("de_CH")).isEmpty(); // the default language has no prefix
        assertThat(swiss.prefix("fr_CH")).isEqualTo("/fr_CH");
        assertThat(swiss.prefix("de_CH")).isEmpty();
    }

    @Test
    void suffixesTryTheLanguageThenTheFallbackLocale() {
        assertThat(swiss.suffixes("fr_CH")).containsExactly("fr_CH", "en");
        assertThat(swiss.suffixes("de_CH")).containsExactly("en");
        assertThat(swiss.suffixes("en")).containsExactly("en");
    }

    @Test
    void aSiteWithoutLocalizedContentRewritesNoUrl() {
        SiteDefinition.SiteLanguages plain = new SiteDefinition.SiteLanguages(false, List.of("en", "de"), "en", "en");
        assertThat(plain.ofPrefix("de")).isEmpty();
    }
}
